using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Lists the caches: the default one and the named ones.</summary>
[Cmdlet(VerbsCommon.Get, "RevitCache")]
[OutputType(typeof(CacheInfo))]
public sealed class GetRevitCacheCommand : RevitCacheCmdlet
{
    /// <summary>Names of caches to list; wildcards match.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    protected override void ProcessRecord()
    {
        foreach (var cache in FindCaches(Name))
        {
            WriteObject(cache.GetInfo());
        }
    }
}
