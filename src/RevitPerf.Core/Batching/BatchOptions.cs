using System;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Batching;

/// <summary>How a <see cref="BatchExecutor"/> runs its items.</summary>
public sealed class BatchOptions
{
    private int _batchSize = ConfigurationSchema.BatchSizeDefault.Default;
    private int _maxParallelism = 1;
    private int _retryCount;
    private TimeSpan? _itemTimeout;

    /// <summary>Items per batch (batch_size_default, 100): a batch finishes before the next starts.</summary>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A batch holds at least one item.");
    }

    /// <summary>
    /// The most items running at once (max_worker_threads for parallel runs). With 1, items run one after another on
    /// the calling thread, as an API bound to one thread (Revit's) requires.
    /// </summary>
    public int MaxParallelism
    {
        get => _maxParallelism;
        set => _maxParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one item must be able to run.");
    }

    /// <summary>How long one attempt of an item may take; null for no limit. At the deadline its token is canceled.</summary>
    public TimeSpan? ItemTimeout
    {
        get => _itemTimeout;
        set => _itemTimeout = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A timeout must be positive.");
    }

    /// <summary>How many times a failed or timed-out item is tried again (0: once only).</summary>
    public int RetryCount
    {
        get => _retryCount;
        set => _retryCount = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The retry count cannot be negative.");
    }

    /// <summary>
    /// For asynchronous operations: true awaits up to <see cref="MaxParallelism"/> at once, false one at a time
    /// (enable_async_optimization).
    /// </summary>
    public bool ConcurrentAsync { get; set; } = true;

    /// <summary>Options from the configuration: batch_size_default, max_worker_threads and enable_async_optimization.</summary>
    public static BatchOptions FromConfiguration(OptimizationConfig configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return new BatchOptions
        {
            BatchSize = configuration.BatchSizeDefault,
            MaxParallelism = configuration.MaxWorkerThreads,
            ConcurrentAsync = configuration.EnableAsyncOptimization,
        };
    }
}
