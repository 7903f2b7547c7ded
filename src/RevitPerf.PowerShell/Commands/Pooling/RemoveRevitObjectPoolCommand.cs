using System.Management.Automation;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Removes object pools; their idle objects are dropped, and objects returned later are discarded.</summary>
[Cmdlet(VerbsCommon.Remove, "RevitObjectPool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PoolStatistics))]
public sealed class RemoveRevitObjectPoolCommand : RevitPoolCmdlet
{
    /// <summary>Names of pools; wildcards match.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PoolNameCompleter))]
    [PoolReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Writes each removed pool's final statistics.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var pool in FindPools(Name))
        {
            if (!ShouldProcess(pool.Name, $"Remove the object pool ({pool.Available} idle objects)"))
            {
                continue;
            }

            if (Pools.TryRemove(pool.Name, out _) && PassThru)
            {
                WriteTyped(pool.GetStatistics(), StatisticsTypeName);
            }
        }
    }
}
