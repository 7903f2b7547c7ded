using System;
using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Storage;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// The stored history of benchmark runs, one flat row per benchmark per run, oldest first; with -Trend, the steps in
/// it: when a benchmark got slower or faster, by how much, and on which machine.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RevitBenchmarkHistory", DefaultParameterSetName = HistorySet)]
[OutputType(typeof(BenchmarkHistoryRow), ParameterSetName = new[] { HistorySet })]
[OutputType(typeof(BenchmarkTrendStep), ParameterSetName = new[] { TrendSet })]
public sealed class GetRevitBenchmarkHistoryCommand : RevitBenchmarkCmdlet
{
    /// <summary>The type name history rows carry.</summary>
    public const string HistoryTypeName = "RevitPerf.BenchmarkHistoryRow";

    /// <summary>The type name trend steps carry.</summary>
    public const string TrendTypeName = "RevitPerf.BenchmarkTrendStep";

    private const string HistorySet = "History";
    private const string TrendSet = "Trend";

    /// <summary>Benchmark names; wildcards match.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Suites; wildcards match.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Suite { get; set; } = Array.Empty<string>();

    /// <summary>Machines; wildcards match.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Machine { get; set; } = Array.Empty<string>();

    /// <summary>Only runs at or after this time.</summary>
    [Parameter]
    public DateTime Since { get; set; }

    /// <summary>Only runs carrying every one of these tags.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Tag { get; set; } = Array.Empty<string>();

    /// <summary>The store: a folder. By default the configuration's results_store, else its results_directory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Store { get; set; }

    /// <summary>Find the steps in each benchmark's history per machine instead of listing the rows.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TrendSet)]
    public SwitchParameter Trend { get; set; }

    /// <summary>Runs on each side of a candidate step.</summary>
    [Parameter(ParameterSetName = TrendSet)]
    [ValidateRange(TrendDetector.MinimumRunsPerSide, 1000)]
    public int Window { get; set; } = 10;

    /// <summary>The smallest change of the median reported as a step, percent.</summary>
    [Parameter(ParameterSetName = TrendSet)]
    [ValidateRange(0.0, 10000.0)]
    public double MinimumChangePercent { get; set; } = 10;

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var store = OpenStore(Store);
        var query = new HistoryQuery
        {
            Names = Name,
            Suites = Suite,
            Machines = Machine,
            SinceUtc = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? Since.ToUniversalTime() : null,
            Tags = Tag,
        };
        IReadOnlyList<BenchmarkHistoryRow> rows;
        try
        {
            rows = store.ReadHistory(query);
        }
        catch (ResultsStoreException ex)
        {
            var category = ex.Failure switch
            {
                ResultsStoreFailure.AuthenticationFailed => ErrorCategory.AuthenticationError,
                ResultsStoreFailure.PermissionDenied => ErrorCategory.PermissionDenied,
                ResultsStoreFailure.NotFound => ErrorCategory.ObjectNotFound,
                ResultsStoreFailure.Unreachable => ErrorCategory.ConnectionError,
                _ => ErrorCategory.ReadError,
            };
            ThrowTerminatingError(NewError(ex, ErrorIds.StoreReadFailed, category, store.Description));
            return;
        }

        if (store is FolderResultsStore folder)
        {
            foreach (var (path, reason) in folder.Problems)
            {
                WriteError(NewError(new System.IO.InvalidDataException(reason), ErrorIds.StoreFileInvalid, ErrorCategory.InvalidData, path));
            }
        }

        WriteVerbose($"{rows.Count} rows from {store.Description}.");
        if (Trend)
        {
            foreach (var step in TrendDetector.Find(rows, Window, MinimumChangePercent))
            {
                WriteTyped(step, TrendTypeName);
            }

            return;
        }

        foreach (var row in rows)
        {
            WriteTyped(row, HistoryTypeName);
        }
    }
}
