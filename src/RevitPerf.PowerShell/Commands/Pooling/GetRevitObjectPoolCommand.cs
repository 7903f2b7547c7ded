using System.Management.Automation;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Lists object pools with their statistics, or with -Outstanding the objects borrowed and not returned.</summary>
[Cmdlet(VerbsCommon.Get, "RevitObjectPool")]
[OutputType(typeof(PoolStatistics))]
[OutputType(typeof(PoolLoan))]
public sealed class GetRevitObjectPoolCommand : RevitPoolCmdlet
{
    /// <summary>Names of pools; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PoolNameCompleter))]
    [PoolReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    /// <summary>
    /// Writes the objects still out instead, with where and when each was borrowed (pools that track loans:
    /// New-RevitObjectPool -TrackLoans); one garbage-collected without being returned shows Collected.
    /// </summary>
    [Parameter]
    public SwitchParameter Outstanding { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var pool in FindPools(Name))
        {
            if (!Outstanding)
            {
                WriteTyped(pool.GetStatistics(), StatisticsTypeName);
                continue;
            }

            if (!pool.TrackLoans)
            {
                WriteWarning($"The object pool '{pool.Name}' does not track loans; create it with -TrackLoans to see where its objects were borrowed.");
            }

            foreach (var loan in pool.GetLoans())
            {
                WriteTyped(loan, LoanTypeName);
            }
        }
    }
}
