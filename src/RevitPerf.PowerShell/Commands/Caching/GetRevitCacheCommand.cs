using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Lists the caches: the default one and the named ones.</summary>
[Cmdlet(VerbsCommon.Get, "RevitCache")]
[OutputType(typeof(CacheInfo))]
public sealed class GetRevitCacheCommand : RevitCacheSelectionCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (var cache in SelectedCaches())
        {
            WriteObject(cache.GetInfo());
        }
    }
}
