namespace RevitPerf.Core.Pooling;

/// <summary>What became of an object given back to a pool.</summary>
public enum ReturnOutcome
{
    /// <summary>Reset (if the pool has a reset) and kept for the next borrow.</summary>
    Pooled,

    /// <summary>Discarded: its reset threw.</summary>
    ResetFailed,

    /// <summary>Discarded: the pool was full.</summary>
    PoolFull,

    /// <summary>Discarded: pooling is off, or the pool was removed.</summary>
    PoolingOff,
}
