using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Batching;

/// <summary>
/// Runs an operation over a list of inputs in batches (<see cref="BatchOptions.BatchSize"/> items; a batch finishes
/// before the next starts) with at most <see cref="BatchOptions.MaxParallelism"/> items at once, and returns every
/// item's result in input order: RevitPy returned them in completion order, with exceptions mixed in as values.
/// </summary>
/// <remarks>
/// Each item may have a timeout and retries. Cancellation stops the remaining work: items not started are Canceled,
/// every finished result is kept, and nothing throws. A timeout or a cancellation cancels the item's token; an
/// operation that ignores its token keeps its worker until it returns (its result is TimedOut all the same).
/// With one worker, items run on the calling thread, one after another.
/// </remarks>
public sealed class BatchExecutor
{
    private readonly BatchOptions _options;
    private readonly IClock _clock;

    /// <summary>Creates an executor with <paramref name="options"/> (copied).</summary>
    public BatchExecutor(BatchOptions options, IClock? clock = null)
    {
        var given = options ?? throw new ArgumentNullException(nameof(options));
        _options = new BatchOptions
        {
            BatchSize = given.BatchSize,
            MaxParallelism = given.MaxParallelism,
            ItemTimeout = given.ItemTimeout,
            RetryCount = given.RetryCount,
            ConcurrentAsync = given.ConcurrentAsync,
        };
        _clock = clock ?? SystemClock.Instance;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> for every input; <paramref name="completed"/> is called as each item finishes
    /// (on the worker's thread, in completion order).
    /// </summary>
    /// <exception cref="AggregateException"><paramref name="completed"/> threw (the run stopped).</exception>
    public BatchRun<TIn, TOut> Run<TIn, TOut>(
        IReadOnlyList<TIn> inputs, Func<TIn, BatchItemContext, TOut> operation, Action<BatchItemResult<TIn, TOut>>? completed = null,
        CancellationToken cancellation = default)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        var results = new BatchItemResult<TIn, TOut>?[inputs.Count];
        var started = _clock.Timestamp;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var failures = new ConcurrentQueue<Exception>();
        var batches = 0;
        for (var first = 0; first < inputs.Count && !stop.IsCancellationRequested; first += _options.BatchSize)
        {
            var batch = batches++;
            var end = Math.Min(inputs.Count, first + _options.BatchSize);
            var next = first - 1;
            void Work(int worker)
            {
                int index;
                while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < end)
                {
                    var result = Execute(inputs, index, batch, worker, operation, stop.Token);
                    results[index] = result;
                    Notify(completed, result, stop, failures);
                }
            }

            var workers = Math.Min(_options.MaxParallelism, end - first);
            if (_options.MaxParallelism == 1)
            {
                Work(0);
                continue;
            }

            var threads = new Thread[workers];
            for (var w = 0; w < workers; w++)
            {
                var worker = w;
                threads[w] = new Thread(() => Work(worker)) { IsBackground = true, Name = "RevitPerf batch worker " + worker };
                threads[w].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        ThrowIfNotified(failures);
        return Finish(inputs, results, cancellation.IsCancellationRequested, _clock.Since(started).TotalMilliseconds, batches);
    }

    /// <summary>
    /// Runs the asynchronous <paramref name="operation"/> for every input, up to MaxParallelism awaited at once
    /// (one at a time when <see cref="BatchOptions.ConcurrentAsync"/> is false).
    /// </summary>
    /// <exception cref="AggregateException"><paramref name="completed"/> threw (the run stopped).</exception>
    public async Task<BatchRun<TIn, TOut>> RunAsync<TIn, TOut>(
        IReadOnlyList<TIn> inputs, Func<TIn, BatchItemContext, Task<TOut>> operation, Action<BatchItemResult<TIn, TOut>>? completed = null,
        CancellationToken cancellation = default)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        var results = new BatchItemResult<TIn, TOut>?[inputs.Count];
        var started = _clock.Timestamp;
        var parallel = _options.ConcurrentAsync ? _options.MaxParallelism : 1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var failures = new ConcurrentQueue<Exception>();
        var batches = 0;
        for (var first = 0; first < inputs.Count && !stop.IsCancellationRequested; first += _options.BatchSize)
        {
            var batch = batches++;
            var end = Math.Min(inputs.Count, first + _options.BatchSize);
            var free = new ConcurrentStack<int>();
            for (var w = parallel - 1; w >= 0; w--)
            {
                free.Push(w);
            }

            using var gate = new SemaphoreSlim(parallel);
            var running = new List<Task>();
            for (var index = first; index < end; index++)
            {
                try
                {
                    await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                free.TryPop(out var worker);
                var item = index;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        var result = await ExecuteAsync(inputs, item, batch, worker, operation, stop.Token).ConfigureAwait(false);
                        results[item] = result;
                        Notify(completed, result, stop, failures);
                    }
                    finally
                    {
                        free.Push(worker);
                        gate.Release();
                    }
                }));
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }

        ThrowIfNotified(failures);
        return Finish(inputs, results, cancellation.IsCancellationRequested, _clock.Since(started).TotalMilliseconds, batches);
    }

    private static void Notify<TIn, TOut>(
        Action<BatchItemResult<TIn, TOut>>? completed, BatchItemResult<TIn, TOut> result, CancellationTokenSource stop, ConcurrentQueue<Exception> failures)
    {
        try
        {
            completed?.Invoke(result);
        }
#pragma warning disable CA1031 // A worker thread must not die of the caller's callback: stop the run and rethrow on the caller's thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures.Enqueue(ex);
            stop.Cancel();
        }
    }

    private static void ThrowIfNotified(ConcurrentQueue<Exception> failures)
    {
        if (!failures.IsEmpty)
        {
            throw new AggregateException("A batch item's completion callback failed; the run stopped.", failures);
        }
    }

    private static BatchRun<TIn, TOut> Finish<TIn, TOut>(IReadOnlyList<TIn> inputs, BatchItemResult<TIn, TOut>?[] results, bool canceled, double elapsedMs, int batches)
    {
        var items = new BatchItemResult<TIn, TOut>[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            items[i] = results[i] ?? new BatchItemResult<TIn, TOut>(
                i, -1, -1, inputs[i], BatchItemStatus.Canceled, default!, new OperationCanceledException("The batch run stopped before this item ran."), 0, 0);
        }

        return new BatchRun<TIn, TOut>(items, canceled, elapsedMs, batches);
    }

    // One item, synchronously: the asynchronous path with an operation that completes at once, so it never yields
    // and runs wholly on this thread (the Revit API's), with the same retries, timeouts and classification.
    private BatchItemResult<TIn, TOut> Execute<TIn, TOut>(
        IReadOnlyList<TIn> inputs, int index, int batch, int worker, Func<TIn, BatchItemContext, TOut> operation, CancellationToken cancellation)
        => ExecuteAsync(inputs, index, batch, worker, (input, context) => Task.FromResult(operation(input, context)), cancellation).GetAwaiter().GetResult();

    private async Task<BatchItemResult<TIn, TOut>> ExecuteAsync<TIn, TOut>(
        IReadOnlyList<TIn> inputs, int index, int batch, int worker, Func<TIn, BatchItemContext, Task<TOut>> operation, CancellationToken cancellation)
    {
        var input = inputs[index];
        var started = _clock.Timestamp;
        Exception? error = null;
        var status = BatchItemStatus.Canceled;
        var attempt = 0;
        while (attempt <= _options.RetryCount && !cancellation.IsCancellationRequested)
        {
            attempt++;
            using var item = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (_options.ItemTimeout is { } timeout)
            {
                item.CancelAfter(timeout);
            }

            var attemptStarted = _clock.Timestamp;
            try
            {
                var value = await operation(input, new BatchItemContext(index, batch, worker, attempt, item.Token)).ConfigureAwait(false);
                if (!TimedOut(attemptStarted, item, cancellation))
                {
                    return new BatchItemResult<TIn, TOut>(index, batch, worker, input, BatchItemStatus.Succeeded, value, null, _clock.Since(started).TotalMilliseconds, attempt);
                }

                (status, error) = (BatchItemStatus.TimedOut, TimeoutError(index, null));
            }
#pragma warning disable CA1031 // The operation's failure is the item's result, not the run's.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (status, error) = Classify(index, ex, attemptStarted, item, cancellation);
            }
        }

        return new BatchItemResult<TIn, TOut>(
            index, batch, worker, input, status, default!, error ?? new OperationCanceledException("The batch run stopped before this item ran."),
            _clock.Since(started).TotalMilliseconds, attempt);
    }

    // Finished, but past the deadline: the token fired for the timeout, not for the run.
    private bool TimedOut(long attemptStarted, CancellationTokenSource item, CancellationToken run) =>
        _options.ItemTimeout is { } timeout && !run.IsCancellationRequested
        && (item.IsCancellationRequested || _clock.Since(attemptStarted) > timeout);

    private (BatchItemStatus Status, Exception Error) Classify(int index, Exception ex, long attemptStarted, CancellationTokenSource item, CancellationToken run)
    {
        if (run.IsCancellationRequested)
        {
            return (BatchItemStatus.Canceled, ex);
        }

        return TimedOut(attemptStarted, item, run) ? (BatchItemStatus.TimedOut, TimeoutError(index, ex)) : (BatchItemStatus.Failed, ex);
    }

    private TimeoutException TimeoutError(int index, Exception? inner) =>
        new($"Item {index} ran past its timeout of {_options.ItemTimeout!.Value.TotalSeconds:0.###} s.", inner);
}
