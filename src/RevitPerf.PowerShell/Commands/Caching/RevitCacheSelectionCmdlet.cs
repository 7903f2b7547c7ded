using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>A cache cmdlet that acts on the caches named by -Name (wildcards; all by default).</summary>
public abstract class RevitCacheSelectionCmdlet : RevitCacheCmdlet
{
    /// <summary>Names of caches; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    /// <summary>The caches -Name selects, in order; an unknown literal name is a non-terminating error.</summary>
    protected IReadOnlyList<RevitCache> SelectedCaches() => FindCaches(Name);
}
