using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Lists cache entries (a snapshot: reading them is not a hit).</summary>
[Cmdlet(VerbsCommon.Get, "RevitCacheEntry")]
[OutputType(typeof(CacheEntryInfo))]
public sealed class GetRevitCacheEntryCommand : RevitCacheCmdlet
{
    /// <summary>Keys to list; wildcards match (case-sensitively, as keys are).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = { "*" };

    /// <summary>The caches to look in; wildcards match.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string[] CacheName { get; set; } = { RevitCache.DefaultName };

    protected override void ProcessRecord()
    {
        var caches = FindCaches(CacheName);
        foreach (var key in Key)
        {
            if (KeyPattern(key) is not { } pattern)
            {
                continue;
            }

            var entries = caches.SelectMany(c => c.GetEntries(pattern)).ToList();
            if (entries.Count == 0 && pattern.IsLiteral && caches.Count > 0)
            {
                WriteError(NewError(
                    new ItemNotFoundException($"No entry has the key '{pattern.Literal}' in cache '{string.Join("', '", caches.Select(c => c.Name))}'."),
                    ErrorIds.CacheEntryNotFound, ErrorCategory.ObjectNotFound, key));
            }

            WriteObject(entries, enumerateCollection: true);
        }
    }
}
