namespace RevitPerf.Core.Batching;

/// <summary>One item's outcome as a flat row: index, status, duration, attempts and the error's message.</summary>
public sealed class BatchItemSummary
{
    internal BatchItemSummary(int index, int batch, int worker, BatchItemStatus status, double durationMs, int attempts, string? error)
    {
        Index = index;
        Batch = batch;
        Worker = worker;
        Status = status.ToString();
        Success = status == BatchItemStatus.Succeeded;
        DurationMs = durationMs;
        Attempts = attempts;
        Error = error;
    }

    /// <summary>The item's position in the input, from 0.</summary>
    public int Index { get; }

    /// <summary>True when it succeeded.</summary>
    public bool Success { get; }

    /// <summary>Succeeded, Failed, TimedOut or Canceled.</summary>
    public string Status { get; }

    /// <summary>Milliseconds from the first attempt's start to the last's end.</summary>
    public double DurationMs { get; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }

    /// <summary>The batch it belonged to, from 0.</summary>
    public int Batch { get; }

    /// <summary>The worker that ran it (-1 when it never ran).</summary>
    public int Worker { get; }

    /// <summary>The last attempt's error message; empty when it succeeded.</summary>
    public string? Error { get; }
}
