namespace RevitPerf.PowerShell;

/// <summary>Takes caches and their descriptions and statistics (RevitCache, CacheInfo, CacheStatistics) as their names.</summary>
public sealed class CacheReferenceAttribute : NamedObjectReferenceAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CacheReferenceAttribute()
        : base("RevitPerf.Core.Caching.RevitCache", "RevitPerf.Core.Caching.CacheInfo", "RevitPerf.Core.Caching.CacheStatistics")
    {
    }
}
