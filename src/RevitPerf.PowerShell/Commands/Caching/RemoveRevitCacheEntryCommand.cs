using System.Management.Automation;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Removes entries by key (wildcards), invalidates the dependents of a tag (cascading), or invalidates the
/// entries matching a pattern together with their dependents.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "RevitCacheEntry", SupportsShouldProcess = true, DefaultParameterSetName = KeySet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(int))]
public sealed class RemoveRevitCacheEntryCommand : RevitCacheCmdlet
{
    private const string KeySet = "Key";
    private const string DependencySet = "Dependency";
    private const string PatternSet = "Pattern";

    /// <summary>Keys to remove; wildcards match.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = System.Array.Empty<string>();

    /// <summary>Tags whose dependents are invalidated, transitively.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DependencySet)]
    [ValidateNotNullOrEmpty]
    public string[] Dependency { get; set; } = System.Array.Empty<string>();

    /// <summary>Key patterns to invalidate, with everything that depends on the matching entries.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PatternSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Pattern { get; set; } = System.Array.Empty<string>();

    /// <summary>The cache.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string CacheName { get; set; } = RevitCache.DefaultName;

    /// <summary>Return how many entries were removed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var cache = GetCacheOrThrow(CacheName);
        var removed = 0;
        switch (ParameterSetName)
        {
            case DependencySet:
                foreach (var tag in Dependency)
                {
                    if (ShouldProcess($"entries depending on '{tag}' in cache {cache.Name}", "Invalidate"))
                    {
                        removed += cache.InvalidateDependency(tag);
                    }
                }

                break;
            case PatternSet:
                foreach (var pattern in Pattern)
                {
                    if (KeyPattern(pattern) is { } matcher
                        && ShouldProcess($"entries matching '{pattern}' and their dependents in cache {cache.Name}", "Invalidate"))
                    {
                        removed += cache.InvalidatePattern(matcher);
                    }
                }

                break;
            default:
                foreach (var key in Key)
                {
                    if (KeyPattern(key) is not { } matcher || !ShouldProcess($"{key} in cache {cache.Name}", "Remove cache entry"))
                    {
                        continue;
                    }

                    var count = cache.Remove(matcher);
                    if (count == 0 && matcher.IsLiteral)
                    {
                        WriteError(NewError(
                            new ItemNotFoundException($"No entry has the key '{matcher.Literal}' in cache '{cache.Name}'."),
                            ErrorIds.CacheEntryNotFound, ErrorCategory.ObjectNotFound, key));
                    }

                    removed += count;
                }

                break;
        }

        if (PassThru)
        {
            WriteObject(removed);
        }
    }
}
