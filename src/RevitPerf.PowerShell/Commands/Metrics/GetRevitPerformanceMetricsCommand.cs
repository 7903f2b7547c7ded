using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Metrics;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// The operation metrics: one flat row per measured operation; with -Summary RevitPy's performance summary (uptime,
/// operations per second, cache and pool hit ratios, memory); with -History the summaries sampled every
/// metrics_collection_interval_seconds.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RevitPerformanceMetrics", DefaultParameterSetName = OperationSet)]
[OutputType(typeof(OperationStatistics), ParameterSetName = new[] { OperationSet })]
[OutputType(typeof(MetricsSummary), ParameterSetName = new[] { SummarySet, HistorySet })]
public sealed class GetRevitPerformanceMetricsCommand : RevitPerfCmdlet
{
    private const string OperationSet = "Operation";
    private const string SummarySet = "Summary";
    private const string HistorySet = "History";

    /// <summary>Operations to show, by name (wildcards); all when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OperationSet)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    public string[]? Operation { get; set; }

    /// <summary>The summary of now.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
    public SwitchParameter Summary { get; set; }

    /// <summary>The summaries sampled every metrics_collection_interval_seconds, oldest first.</summary>
    [Parameter(Mandatory = true, ParameterSetName = HistorySet)]
    public SwitchParameter History { get; set; }

    protected override void ProcessRecord()
    {
        var optimizer = RevitPerfOptimizer.Current;
        switch (ParameterSetName)
        {
            case SummarySet:
                WriteObject(optimizer.GetMetricsSummary());
                return;
            case HistorySet:
                WriteObject(optimizer.Metrics.History, enumerateCollection: true);
                return;
        }

        foreach (var pattern in Operation ?? new[] { "*" })
        {
            try
            {
                var rows = optimizer.Metrics.GetStatistics(new[] { pattern });
                if (rows.Count == 0 && !WildcardMatcher.HasWildcards(pattern))
                {
                    WriteError(NewError(
                        new ItemNotFoundException($"No operation named '{pattern}' has been measured. Measure it with Measure-RevitOperation -Name '{pattern}'."),
                        ErrorIds.OperationNotFound, ErrorCategory.ObjectNotFound, pattern));
                }

                WriteObject(rows, enumerateCollection: true);
            }
            catch (InvalidWildcardPatternException ex)
            {
                WriteError(Errors.InvalidWildcard(ex));
            }
        }
    }
}
