using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>What the cache cmdlets share: finding caches by name, and PowerShell-aware value handling.</summary>
public abstract class RevitCacheCmdlet : RevitPerfCmdlet
{
    private const string CacheHint = "Get-RevitCache lists them; New-RevitCache creates one.";

    /// <summary>The caches of the process-wide optimizer.</summary>
    protected static CacheRegistry Caches => RevitPerfOptimizer.Current.Caches;

    /// <summary>Sees through PowerShell's wrappers when sizes are estimated: a PSObject counts as what it wraps,
    /// a PSCustomObject as its properties.</summary>
    protected static readonly Func<object?, object?> Unwrap = value => value switch
    {
        PSObject { BaseObject: PSCustomObject } custom => custom.Properties
            .Where(p => p.MemberType == PSMemberTypes.NoteProperty)
            .ToDictionary(p => (object)p.Name, p => p.Value),
        PSObject wrapped => wrapped.BaseObject,
        _ => value,
    };

    /// <summary>The value to store for what PowerShell bound: the base object, unless the wrapper carries properties.</summary>
    protected static object? StoredValue(object? value) =>
        value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

    /// <summary>The cache named exactly <paramref name="name"/>, or a terminating CacheNotFound error.</summary>
    protected RevitCache GetCacheOrThrow(string name)
    {
        // A cache object passed to a single-name parameter arrives as its escaped name (see CacheReferenceAttribute).
        if (Caches.TryGet(name, out var cache)
            || (!WildcardMatcher.HasWildcards(name) && Caches.TryGet(new WildcardMatcher(name, ignoreCase: true).Literal, out cache)))
        {
            return cache;
        }

        ThrowTerminatingError(CacheNotFoundError(name));
        return null!;
    }

    /// <summary>
    /// The caches matching each name or wildcard, in order, each once. A name without wildcards that matches no
    /// cache is a non-terminating CacheNotFound error.
    /// </summary>
    protected IReadOnlyList<RevitCache> FindCaches(IEnumerable<string> names) => Selection.Select(Caches, names, WriteError, ErrorIds.CacheNotFound, CacheHint);

    /// <summary>The error for a cache name that names no cache.</summary>
    protected static ErrorRecord CacheNotFoundError(string name) => NewError(
        new ItemNotFoundException($"There is no cache named '{name}'. {CacheHint}"), ErrorIds.CacheNotFound, ErrorCategory.ObjectNotFound, name);

    /// <summary>
    /// The key pattern <paramref name="pattern"/> (keys compare with case), or null after a non-terminating
    /// InvalidWildcardPattern error when it cannot be matched.
    /// </summary>
    protected WildcardMatcher? KeyPattern(string pattern)
    {
        try
        {
            return new WildcardMatcher(pattern, ignoreCase: false);
        }
        catch (InvalidWildcardPatternException ex)
        {
            WriteError(Errors.InvalidWildcard(ex));
            return null;
        }
    }

    /// <summary>The error for a value larger than a cache's whole memory budget.</summary>
    protected static ErrorRecord TooLargeError(CacheEntryTooLargeException ex) =>
        NewError(ex, ErrorIds.CacheEntryTooLarge, ErrorCategory.LimitsExceeded, ex.Key);

    /// <summary>Seconds to a time-to-live (null when not given).</summary>
    protected static TimeSpan? Ttl(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
