using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Removes every entry of one or more caches (the caches themselves stay).</summary>
[Cmdlet(VerbsCommon.Clear, "RevitCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(int))]
public sealed class ClearRevitCacheCommand : RevitCacheCmdlet
{
    /// <summary>The caches to clear; wildcards match; by default the default cache.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { RevitCache.DefaultName };

    /// <summary>Return how many entries were removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var cache in FindCaches(Name))
        {
            if (ShouldProcess($"cache {cache.Name} ({cache.Count} entries)", "Clear"))
            {
                var removed = cache.Clear();
                if (PassThru)
                {
                    WriteObject(removed);
                }
            }
        }
    }
}
