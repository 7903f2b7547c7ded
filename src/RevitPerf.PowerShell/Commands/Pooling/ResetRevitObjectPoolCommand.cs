using System.Management.Automation;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Drops object pools' idle objects and starts their statistics afresh.</summary>
[Cmdlet(VerbsCommon.Reset, "RevitObjectPool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PoolStatistics))]
public sealed class ResetRevitObjectPoolCommand : RevitPoolCmdlet
{
    /// <summary>Names of pools; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PoolNameCompleter))]
    [PoolReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    /// <summary>Writes each pool's statistics after the reset.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var pool in FindPools(Name))
        {
            if (!ShouldProcess(pool.Name, $"Drop {pool.Available} idle objects and reset the statistics"))
            {
                continue;
            }

            pool.Reset();
            if (PassThru)
            {
                WriteTyped(pool.GetStatistics(), StatisticsTypeName);
            }
        }
    }
}
