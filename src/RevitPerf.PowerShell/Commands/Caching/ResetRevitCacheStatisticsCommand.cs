using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Sets the hit, miss and eviction counters of caches back to zero (the entries stay).</summary>
[Cmdlet(VerbsCommon.Reset, "RevitCacheStatistics", SupportsShouldProcess = true)]
[OutputType(typeof(CacheStatistics))]
public sealed class ResetRevitCacheStatisticsCommand : RevitCacheSelectionCmdlet
{
    /// <summary>Return the statistics after the reset.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var cache in SelectedCaches())
        {
            if (ShouldProcess(cache.Name, "Reset cache statistics"))
            {
                cache.ResetStatistics();
                if (PassThru)
                {
                    WriteObject(cache.GetStatistics());
                }
            }
        }
    }
}
