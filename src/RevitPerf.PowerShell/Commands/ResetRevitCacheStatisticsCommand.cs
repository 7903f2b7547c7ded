using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Sets the hit, miss and eviction counters of caches back to zero (the entries stay).</summary>
[Cmdlet(VerbsCommon.Reset, "RevitCacheStatistics", SupportsShouldProcess = true)]
[OutputType(typeof(CacheStatistics))]
public sealed class ResetRevitCacheStatisticsCommand : RevitCacheCmdlet
{
    /// <summary>Names of caches; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    /// <summary>Return the statistics after the reset.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var cache in FindCaches(Name))
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
