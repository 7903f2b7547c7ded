using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>One flat row of counted statistics per cache.</summary>
[Cmdlet(VerbsCommon.Get, "RevitCacheStatistics")]
[OutputType(typeof(CacheStatistics))]
public sealed class GetRevitCacheStatisticsCommand : RevitCacheSelectionCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (var cache in SelectedCaches())
        {
            WriteObject(cache.GetStatistics());
        }
    }
}
