namespace RevitPerf.Core.Pooling;

/// <summary>Why a pool let an object go instead of keeping it.</summary>
public enum DiscardReason
{
    /// <summary>Its reset threw: an object in an unknown state is never handed out again.</summary>
    ResetFailed,

    /// <summary>The pool already held its maximum of idle objects.</summary>
    PoolFull,

    /// <summary>Pooling was off (enable_object_pooling): every return discards.</summary>
    PoolingOff,

    /// <summary>Dropped as idle surplus by trimming, by a smaller maximum size, or by emptying the pool.</summary>
    Trimmed,
}
