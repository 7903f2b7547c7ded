using System.Threading;

namespace RevitPerf.Core.Batching;

/// <summary>What an operation knows of the item it runs for.</summary>
public sealed class BatchItemContext
{
    internal BatchItemContext(int index, int batch, int worker, int attempt, CancellationToken cancellation)
    {
        Index = index;
        Batch = batch;
        Worker = worker;
        Attempt = attempt;
        Cancellation = cancellation;
    }

    /// <summary>The item's position in the input, from 0.</summary>
    public int Index { get; }

    /// <summary>The batch it belongs to, from 0.</summary>
    public int Batch { get; }

    /// <summary>
    /// Which worker runs it, from 0 to MaxParallelism - 1. A worker is one thread for the whole run, so per-worker state
    /// (a runspace, a connection) can be kept by this number.
    /// </summary>
    public int Worker { get; }

    /// <summary>The attempt, from 1 (more with retries).</summary>
    public int Attempt { get; }

    /// <summary>Canceled when the run is canceled or the attempt's timeout passes; the operation should stop then.</summary>
    public CancellationToken Cancellation { get; }
}
