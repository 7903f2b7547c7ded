using System;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Creates a named cache beside the default one.</summary>
[Cmdlet(VerbsCommon.New, "RevitCache", SupportsShouldProcess = true)]
[OutputType(typeof(CacheInfo))]
public sealed class NewRevitCacheCommand : RevitCacheCmdlet
{
    /// <summary>The new cache's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    // Boxed on purpose: a field of a RevitPerf.Core value type would make PowerShell's scan of this assembly's
    // types (before OnImport installs the resolver) load RevitPerf.Core to lay the class out.
    private object _policy = EvictionPolicy.LRU;

    /// <summary>The eviction policy.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public EvictionPolicy Policy
    {
        get => (EvictionPolicy)_policy;
        set => _policy = value;
    }

    /// <summary>The maximum number of entries; by default cache_max_size.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, int.MaxValue)]
    public int MaxSize { get; set; }

    /// <summary>The memory budget in MB; by default cache_max_memory_mb.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.000001, 1048576)]
    public double MaxMemoryMB { get; set; }

    /// <summary>The default time-to-live in seconds; by default cache_ttl_seconds.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0.001, 315360000)]
    public double TtlSeconds { get; set; }

    protected override void ProcessRecord()
    {
        var defaults = RevitPerfOptimizer.CurrentConfiguration.Optimization;
        var bound = MyInvocation.BoundParameters;
        var options = new CacheOptions
        {
            Name = Name,
            Policy = Policy,
            MaxSize = bound.ContainsKey(nameof(MaxSize)) ? MaxSize : defaults.CacheMaxSize,
            MaxMemoryBytes = (long)Math.Max(1, (bound.ContainsKey(nameof(MaxMemoryMB)) ? MaxMemoryMB : defaults.CacheMaxMemoryMB) * 1024 * 1024),
            DefaultTimeToLive = TimeSpan.FromSeconds(bound.ContainsKey(nameof(TtlSeconds)) ? TtlSeconds : defaults.CacheTtlSeconds),
        };

        if (Caches.TryGet(Name, out _))
        {
            WriteError(AlreadyExists());
            return;
        }

        if (!ShouldProcess(Name, $"Create a {Policy} cache of {options.MaxSize} entries"))
        {
            return;
        }

        if (!Caches.TryCreate(options, out var cache))
        {
            WriteError(AlreadyExists());
            return;
        }

        WriteObject(cache.GetInfo());
    }

    private ErrorRecord AlreadyExists() => NewError(
        new InvalidOperationException($"A RevitPerf cache named '{Name}' already exists."),
        ErrorIds.CacheAlreadyExists, ErrorCategory.ResourceExists, Name);
}
