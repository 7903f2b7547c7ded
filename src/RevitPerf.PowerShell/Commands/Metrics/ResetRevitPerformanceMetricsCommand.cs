using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Forgets the figures of measured operations: of those named (wildcards), or of all, in which case the uptime, the
/// counts and the summary history start again too.
/// </summary>
[Cmdlet(VerbsCommon.Reset, "RevitPerformanceMetrics", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class ResetRevitPerformanceMetricsCommand : RevitPerfCmdlet
{
    /// <summary>Operations to forget, by name (wildcards); all when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    public string[]? Operation { get; set; }

    protected override void ProcessRecord()
    {
        var metrics = RevitPerfOptimizer.Current.Metrics;
        if (Operation is null)
        {
            if (ShouldProcess("all operation metrics and the summary history", "Reset"))
            {
                metrics.Reset();
            }

            return;
        }

        foreach (var pattern in Operation)
        {
            try
            {
                var names = metrics.GetStatistics(new[] { pattern }).Select(s => s.Name).ToList();
                if (names.Count == 0 && !WildcardMatcher.HasWildcards(pattern))
                {
                    WriteError(NewError(
                        new ItemNotFoundException($"No operation named '{pattern}' has been measured."),
                        ErrorIds.OperationNotFound, ErrorCategory.ObjectNotFound, pattern));
                }

                foreach (var name in names.Where(n => ShouldProcess(n, "Reset operation metrics")))
                {
                    metrics.Reset(new[] { WildcardMatcher.Escape(name) });
                }
            }
            catch (InvalidWildcardPatternException ex)
            {
                WriteError(Errors.InvalidWildcard(ex));
            }
        }
    }
}
