using System;

namespace RevitPerf.Core.Batching;

/// <summary>One item's outcome: its input, its value or error, how long it took and how many attempts.</summary>
/// <typeparam name="TIn">The input type.</typeparam>
/// <typeparam name="TOut">The value type.</typeparam>
public sealed class BatchItemResult<TIn, TOut>
{
    internal BatchItemResult(int index, int batch, int worker, TIn input, BatchItemStatus status, TOut value, Exception? error, double durationMs, int attempts)
    {
        Index = index;
        Batch = batch;
        Worker = worker;
        Input = input;
        Status = status;
        Value = value;
        Error = error;
        DurationMs = durationMs;
        Attempts = attempts;
    }

    /// <summary>The item's position in the input, from 0.</summary>
    public int Index { get; }

    /// <summary>The batch it belonged to, from 0.</summary>
    public int Batch { get; }

    /// <summary>The worker that ran it (-1 when it never ran).</summary>
    public int Worker { get; }

    /// <summary>The input.</summary>
    public TIn Input { get; }

    /// <summary>How it ended.</summary>
    public BatchItemStatus Status { get; }

    /// <summary>True when it succeeded.</summary>
    public bool Success => Status == BatchItemStatus.Succeeded;

    /// <summary>The value (default unless it succeeded).</summary>
    public TOut Value { get; }

    /// <summary>The last attempt's exception (a TimeoutException or OperationCanceledException for those outcomes).</summary>
    public Exception? Error { get; }

    /// <summary>Milliseconds from the first attempt's start to the last's end (0 when it never ran).</summary>
    public double DurationMs { get; }

    /// <summary>Attempts made (0 when it never ran).</summary>
    public int Attempts { get; }

    /// <summary>The outcome as one flat row (for tables and CSV): no input, value or exception object.</summary>
    public BatchItemSummary ToSummary() => new(Index, Batch, Worker, Status, DurationMs, Attempts, Error?.Message);
}
