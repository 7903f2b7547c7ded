namespace RevitPerf.Core.Pooling;

/// <summary>RevitPy's pool constants.</summary>
public static class ObjectPoolDefaults
{
    /// <summary>The default pool_max_size.</summary>
    public const int MaxSize = 1000;

    /// <summary>RevitPy's MAX_ADAPTIVE_POOL_SIZE: auto-optimisation doubles a pool up to this.</summary>
    public const int MaxAdaptiveSize = 2000;

    /// <summary>RevitPy's LOW_POOL_HIT_RATIO_THRESHOLD: a pool serving fewer borrows than this grows.</summary>
    public const double LowHitRatioThreshold = 0.8;
}
