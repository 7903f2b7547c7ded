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
    private readonly List<object> _snapshots = new();
    private readonly List<object> _sessions = new();

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
                case RevitPerf.Core.Memory.MemorySnapshot snapshot:
                    _snapshots.Add(snapshot);
                    break;
                case RevitPerf.Core.Journals.JournalSession session:
                    _sessions.Add(session);
                    break;
                case string or FileInfo:
                    ReadFile(value is FileInfo info ? info.FullName : (string)value, item!);
                    break;
                default:
                    WriteError(NewError(
                        new ArgumentException($"A results store keeps benchmark runs, memory snapshots and journal sessions; a {value.GetType().FullName} is none of them. Pipe Invoke-RevitBenchmark's results (or results files), Get-RevitMemorySnapshot's snapshots or Get-RevitJournal's sessions."),
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
        var machine = Environment.MachineName;
        var tags = Tag.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var group in _snapshots.Cast<RevitPerf.Core.Memory.MemorySnapshot>().GroupBy(s => (s.Monitor, s.ProcessId)))
        {
            var snapshots = group.OrderBy(s => s.Timestamp).ToList();
            PublishOther(store, $"Publish {snapshots.Count} memory snapshots of monitor '{group.Key.Monitor}'", group.Key.Monitor,
                () => PublishedRun.PublishSnapshots(store, machine, Environment.UserName, tags, snapshots));
        }

        foreach (var session in _sessions.Cast<RevitPerf.Core.Journals.JournalSession>())
        {
            PublishOther(store, $"Publish the journal session '{session.Path}'", session,
                () => PublishedRun.PublishSession(store, machine, Environment.UserName, tags, session));
        }
    }

    // Snapshots and sessions are not spooled: they stay in the monitor or the journal, and publishing them again
    // stores each once. One that cannot be stored is an error saying so.
    private void PublishOther(IResultsStore store, string action, object target, Func<PublishedRun> publish)
    {
        if (!ShouldProcess(store.Description, action))
        {
            return;
        }

        try
        {
            WriteTyped(publish(), PublishedRunTypeName);
        }
        catch (Exception ex) when (ex is ResultsStoreException or IOException or UnauthorizedAccessException)
        {
            WriteError(NewError(
                new InvalidOperationException($"{action} failed, and nothing of it was stored; publish it again later: {ex.Message}", ex),
                ErrorIds.StorePublishFailed, ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, target));
        }
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
