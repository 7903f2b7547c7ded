using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Starts a fresh PowerShell process per invocation and waits for it to exit: the Startup and Memory.Idle benchmarks.
/// A non-zero exit code is a failure carrying the process's error output. When the script prints a number of bytes
/// as its last line, the median of those numbers over the measured iterations is the benchmark's memory.
/// </summary>
internal sealed class ChildProcessWorkload : IBenchmarkWorkload, IBenchmarkMetrics
{
    private readonly PowerShellLauncher _launcher;
    private readonly string _script;
    private readonly bool _reportsBytes;
    private readonly List<double> _reportedBytes = new();

    /// <summary>Creates the workload; <paramref name="reportsBytes"/> says the script prints a byte count last.</summary>
    public ChildProcessWorkload(PowerShellLauncher launcher, string script, bool reportsBytes = false)
    {
        _launcher = launcher ?? throw new ArgumentNullException(nameof(launcher));
        _script = script ?? throw new ArgumentNullException(nameof(script));
        _reportsBytes = reportsBytes;
    }

    /// <summary>The longest one process may take before it is killed and the iteration fails.</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc/>
    public double? MemoryMB => _reportsBytes && _reportedBytes.Count > 0 ? SampleStatistics.From(_reportedBytes).Median / (1024.0 * 1024.0) : null;

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

        if (_reportsBytes)
        {
            var last = output.Result.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
            if (!double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes))
            {
                throw new FormatException($"The child PowerShell did not report a byte count (its last line was '{last}').");
            }

            _reportedBytes.Add(bytes);
        }
    }
}
