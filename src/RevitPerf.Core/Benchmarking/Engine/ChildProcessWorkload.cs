using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Starts a fresh PowerShell process per invocation and waits for it to exit: the Startup and Memory.Idle benchmarks.
/// A non-zero exit code is a failure carrying the process's error output. What the script prints last may be a figure:
/// a number of bytes (the median over the measured iterations is the benchmark's memory), or the milliseconds its
/// operation took inside the child, which are then the iteration's time (the launch is not part of it).
/// </summary>
internal sealed class ChildProcessWorkload : ISelfTimedWorkload, IBenchmarkMetrics
{
    private readonly PowerShellLauncher _launcher;
    private readonly string _script;
    private readonly ChildReport _report;
    private readonly List<double> _reportedBytes = new();
    private double _lastRunMs;

    /// <summary>Creates the workload; <paramref name="report"/> says what the script prints last.</summary>
    public ChildProcessWorkload(PowerShellLauncher launcher, string script, ChildReport report = ChildReport.Nothing)
    {
        _launcher = launcher ?? throw new ArgumentNullException(nameof(launcher));
        _script = script ?? throw new ArgumentNullException(nameof(script));
        _report = report;
    }

    /// <summary>What a child's last line reports.</summary>
    public enum ChildReport
    {
        /// <summary>Nothing: the time around the launch is the sample.</summary>
        Nothing,

        /// <summary>A number of bytes: the benchmark's memory.</summary>
        Bytes,

        /// <summary>Milliseconds its operation took inside the child: the sample.</summary>
        Milliseconds,
    }

    /// <inheritdoc/>
    public double LastRunMs => _report == ChildReport.Milliseconds ? _lastRunMs : double.NaN;

    /// <summary>The longest one process may take before it is killed and the iteration fails.</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc/>
    public double? MemoryMB => _report == ChildReport.Bytes && _reportedBytes.Count > 0 ? SampleStatistics.From(_reportedBytes).Median / (1024.0 * 1024.0) : null;

    /// <inheritdoc/>
    public double? HitRatio => null;

    /// <inheritdoc/>
    public void BeginMeasurement() => _reportedBytes.Clear();

    /// <inheritdoc/>
    public void Setup()
    {
    }

    /// <inheritdoc/>
    public void Run(long invocations)
    {
        _lastRunMs = 0;
        for (long i = 0; i < invocations; i++)
        {
            RunOnce();
        }
    }

    /// <inheritdoc/>
    public string? Validate() => null;

    /// <inheritdoc/>
    public void Teardown()
    {
    }

    private void RunOnce()
    {
        using var process = System.Diagnostics.Process.Start(_launcher.StartInfo(_script))
            ?? throw new InvalidOperationException($"Could not start '{_launcher}'.");

        // Read both streams asynchronously so that neither pipe can fill up and block the child.
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit((int)ProcessTimeout.TotalMilliseconds))
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            throw new TimeoutException($"The child PowerShell did not exit within {ProcessTimeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var detail = errors.Result.Trim();
            throw new InvalidOperationException(
                $"The child PowerShell exited with code {process.ExitCode}" + (detail.Length > 0 ? ": " + detail : "."));
        }

        if (_report == ChildReport.Nothing)
        {
            return;
        }

        var last = output.Result.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (!double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var figure) || figure < 0 || double.IsInfinity(figure))
        {
            throw new FormatException($"The child PowerShell did not report its {(_report == ChildReport.Bytes ? "byte count" : "time in milliseconds")} (its last line was '{last}').");
        }

        if (_report == ChildReport.Bytes)
        {
            _reportedBytes.Add(figure);
        }
        else
        {
            _lastRunMs += figure;
        }
    }
}
