using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>One flat row of counted statistics per cache.</summary>
[Cmdlet(VerbsCommon.Get, "RevitCacheStatistics")]
[OutputType(typeof(CacheStatistics))]
public sealed class GetRevitCacheStatisticsCommand : RevitCacheCmdlet
{
    /// <summary>Names of caches; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    protected override void ProcessRecord()
    {
        foreach (var cache in FindCaches(Name))
        {
            WriteObject(cache.GetStatistics());
        }
    }
}
