using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Writes benchmark results, with their samples and environment, to a schema-versioned baseline file. Results of the
/// same benchmark from several runs are saved as its launches. An existing baseline is never replaced without -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "RevitBenchmarkBaseline", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class SaveRevitBenchmarkBaselineCommand : RevitBenchmarkCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<BenchmarkResult> _results = new();
    private readonly List<BenchmarkSamples> _saved = new();

    /// <summary>The baseline file to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The baseline file to write, taken literally (no wildcard characters).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = string.Empty;

    /// <summary>
    /// The results to save (from Invoke-RevitBenchmark), or the paths of results or baseline files of earlier runs
    /// (say, each from its own PowerShell process): several of the same benchmark are saved as its launches.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>Replaces an existing baseline.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the baseline file's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            if (item?.BaseObject is string or FileInfo)
            {
                var path = item.BaseObject is FileInfo info ? info.FullName : (string)item.BaseObject;
                if (ReadBenchmarkFile(path, ErrorIds.BenchmarkFileNotFound, ErrorIds.BenchmarkResultInvalid, terminating: false) is { } samples)
                {
                    _saved.AddRange(samples);
                }
            }
            else
            {
                AddResults(new[] { item! }, _results);
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        var file = ResolveFileSystemPath(given);

        // A benchmark that failed or timed out has no samples: a baseline entry without them could compare nothing.
        foreach (var failed in _results.Where(r => r.GetSamplesMs().Length == 0).ToList())
        {
            WriteWarning($"{failed.Suite}/{failed.Name} has no samples ({failed.Error ?? "it measured nothing"}); it is left out of the baseline.");
            _results.Remove(failed);
        }

        if (_results.Count == 0 && _saved.Count == 0)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException("No benchmark results were given; an empty baseline would compare nothing."),
                ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidArgument, given));
        }

        if (File.Exists(file) && !Force)
        {
            ThrowTerminatingError(NewError(
                new IOException($"The baseline '{file}' exists already. A baseline is never replaced implicitly: use -Force to replace it."),
                ErrorIds.BaselineExists, ErrorCategory.ResourceExists, given));
        }

        var all = _results.Select(r => (r.Suite, r.Name)).Concat(_saved.Select(s => (s.Suite, s.Name))).ToList();
        var benchmarks = all.Select(b => (Suite: b.Suite.ToUpperInvariant(), Name: b.Name.ToUpperInvariant())).Distinct().Count();
        var launches = benchmarks == all.Count ? string.Empty : $" from {all.Count} runs of them (several runs of a benchmark are its launches)";
        if (!ShouldProcess(file, $"Save a baseline of {benchmarks} benchmarks{launches}"))
        {
            return;
        }

        try
        {
            BenchmarkBaselineFile.Write(file, _results, _saved, DateTime.UtcNow, overwrite: Force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ThrowTerminatingError(NewError(ex, File.Exists(file) && !Force ? ErrorIds.BaselineExists : ErrorIds.BaselineWriteFailed, ErrorCategory.WriteError, given));
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }
}
