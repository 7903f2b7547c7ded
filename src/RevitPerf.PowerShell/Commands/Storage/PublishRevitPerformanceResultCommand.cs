using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Storage;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Publishes benchmark runs (results from Invoke-RevitBenchmark, or results and run files) to the results store, with
/// who ran them, where, and free-form tags. Publishing is idempotent: a run already in the store is not stored again.
/// </summary>
[Cmdlet(VerbsData.Publish, "RevitPerformanceResult", SupportsShouldProcess = true)]
[OutputType(typeof(PublishedRun))]
public sealed class PublishRevitPerformanceResultCommand : RevitBenchmarkCmdlet
{
    private readonly List<BenchmarkResult> _results = new();
    private readonly List<object> _fileRuns = new();

    /// <summary>Benchmark results, or paths of results or run files.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>The store: a folder. By default the configuration's results_store, else its results_directory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Store { get; set; }

    /// <summary>Free-form tags the runs carry (a commit, a model set).</summary>
    [Parameter]
    [ValidateNotNull]
    public string[] Tag { get; set; } = Array.Empty<string>();

    /// <summary>The Revit release the runs measured, where known.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RevitVersion { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            var value = item?.BaseObject;
            switch (value)
            {
                case null:
                    continue;
                case BenchmarkResult result:
                    _results.Add(result);
                    break;
                case string or FileInfo:
                    ReadFile(value is FileInfo info ? info.FullName : (string)value, item!);
                    break;
                default:
                    WriteError(NewError(
                        new ArgumentException($"A results store keeps benchmark runs; a {value.GetType().FullName} is not one. Pipe Invoke-RevitBenchmark's results, or the paths of results files."),
                        ErrorIds.PublishInputInvalid, ErrorCategory.InvalidType, item));
                    break;
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var store = OpenStore(Store);
        var runs = ResultsRun.FromResults(_results, Environment.UserName, Tag, RevitVersion).Concat(_fileRuns.Cast<ResultsRun>()).ToList();
        PublishRuns(store, runs, writeOutcome: true);
    }

    private void ReadFile(string given, PSObject item)
    {
        if (!TryResolveFileSystemPath(given, out var path, out var error))
        {
            WriteError(error!);
            return;
        }

        try
        {
            foreach (var run in RunFile.Parse(path, File.ReadAllText(path)))
            {
                // A results file knows neither who ran it nor its tags: this publish gives them.
                _fileRuns.Add(Tag.Length == 0 && RevitVersion is null && run.User.Length > 0 ? run
                    : new ResultsRun(run.RunId, run.TimeUtc, run.Machine, run.User.Length > 0 ? run.User : Environment.UserName, run.PowerShellVersion, run.PowerShellEdition,
                        run.ModuleVersion, RevitVersion ?? run.RevitVersion, run.Tags.Concat(Tag), run.Benchmarks));
            }
        }
        catch (FileNotFoundException ex)
        {
            WriteError(NewError(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, item));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            WriteError(NewError(ex, ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidData, item));
        }
    }
}
