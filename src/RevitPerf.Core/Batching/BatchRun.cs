using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Batching;

/// <summary>A finished (or canceled) batch run: every item's result in input order.</summary>
/// <typeparam name="TIn">The input type.</typeparam>
/// <typeparam name="TOut">The value type.</typeparam>
public sealed class BatchRun<TIn, TOut>
{
    internal BatchRun(IReadOnlyList<BatchItemResult<TIn, TOut>> items, bool canceled, double elapsedMs, int batches)
    {
        Items = items;
        Canceled = canceled;
        ElapsedMs = elapsedMs;
        Batches = batches;
    }

    /// <summary>Every item's result, in input order (items the run never reached are Canceled).</summary>
    public IReadOnlyList<BatchItemResult<TIn, TOut>> Items { get; }

    /// <summary>True when the run was canceled; every item that finished before is still in <see cref="Items"/>.</summary>
    public bool Canceled { get; }

    /// <summary>Milliseconds the whole run took.</summary>
    public double ElapsedMs { get; }

    /// <summary>Batches started.</summary>
    public int Batches { get; }

    /// <summary>Items that succeeded.</summary>
    public int Succeeded => Items.Count(i => i.Success);

    /// <summary>The values of the items that succeeded, in input order.</summary>
    public IEnumerable<TOut> Values => Items.Where(i => i.Success).Select(i => i.Value);

    /// <summary>Throws an <see cref="AggregateException"/> of every failed or timed-out item's error, if any.</summary>
    public void ThrowIfAnyFailed()
    {
        var errors = Items.Where(i => i.Status is BatchItemStatus.Failed or BatchItemStatus.TimedOut).Select(i => i.Error!).ToList();
        if (errors.Count > 0)
        {
            throw new AggregateException($"{errors.Count} of {Items.Count} batch items failed.", errors);
        }
    }
}
