using System;
using System.Management.Automation;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Stores a value in a cache, replacing what the key held.</summary>
[Cmdlet(VerbsCommon.Set, "RevitCacheEntry", SupportsShouldProcess = true)]
[OutputType(typeof(CacheEntryInfo))]
public sealed class SetRevitCacheEntryCommand : RevitCacheCmdlet
{
    /// <summary>The key.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Key { get; set; } = string.Empty;

    /// <summary>The value; $null is a value too.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public object? Value { get; set; }

    /// <summary>The entry's time-to-live in seconds; by default the cache's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.001, 315360000)]
    public double TtlSeconds { get; set; }

    /// <summary>Tags (or other keys) the entry depends on.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? Dependency { get; set; }

    /// <summary>The cache.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string CacheName { get; set; } = RevitCache.DefaultName;

    /// <summary>Return the entry written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var cache = GetCacheOrThrow(CacheName);
        if (!ShouldProcess($"{Key} in cache {cache.Name}", "Set cache entry"))
        {
            return;
        }

        try
        {
            cache.Set(Key, StoredValue(Value), new CacheEntryOptions
            {
                TimeToLive = MyInvocation.BoundParameters.ContainsKey(nameof(TtlSeconds)) ? Ttl(TtlSeconds) : null,
                Dependencies = Dependency,
                Unwrap = Unwrap,
            });
        }
        catch (CacheEntryTooLargeException ex)
        {
            WriteError(TooLargeError(ex));
            return;
        }

        if (PassThru)
        {
            WriteObject(cache.GetEntries(new WildcardMatcher(WildcardPattern.Escape(Key), ignoreCase: false)), enumerateCollection: true);
        }
    }
}
