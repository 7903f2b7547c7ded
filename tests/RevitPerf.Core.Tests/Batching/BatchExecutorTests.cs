using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Batching;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Batching;

public class BatchExecutorTests
{
    private static BatchExecutor Executor(int parallel, int batchSize = 100, TimeSpan? timeout = null, int retries = 0, bool concurrentAsync = true) =>
        new(new BatchOptions { MaxParallelism = parallel, BatchSize = batchSize, ItemTimeout = timeout, RetryCount = retries, ConcurrentAsync = concurrentAsync });

    [Fact]
    public void WhenItemsFinishOutOfOrder_ResultsComeBackInInputOrder()
    {
        var inputs = Enumerable.Range(0, 200).ToList();
        var finished = new ConcurrentQueue<int>();
        var run = Executor(4, batchSize: 50).Run(inputs, (n, _) =>
        {
            Thread.SpinWait((200 - n) * 200); // later items are quicker
            return n * 2;
        }, r => finished.Enqueue(r.Index));

        Assert.Equal(inputs.Select(n => n * 2), run.Items.Select(r => r.Value));
        Assert.Equal(inputs, run.Items.Select(r => r.Index));
        Assert.All(run.Items, r => Assert.Equal(r.Index / 50, r.Batch));
        Assert.Equal(4, run.Batches);
        Assert.Equal(200, finished.Count);
        Assert.False(run.Canceled);
    }

    [Fact]
    public void WhenAnItemThrows_ItsErrorIsItsResultAndTheOthersGoOn()
    {
        var run = Executor(2).Run(Enumerable.Range(0, 10).ToList(), (n, _) => n == 3 ? throw new InvalidOperationException("bad wall") : n);
        Assert.Equal(9, run.Succeeded);
        var failed = run.Items[3];
        Assert.Equal(BatchItemStatus.Failed, failed.Status);
        Assert.Equal("bad wall", failed.Error!.Message);
        Assert.Equal(3, failed.Input);
        Assert.Equal(0, failed.Value);
        Assert.Equal("bad wall", failed.ToSummary().Error);
        Assert.Throws<AggregateException>(run.ThrowIfAnyFailed);
    }

    [Fact]
    public void WhenRunWithOneWorker_ItemsRunInOrderOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var order = new System.Collections.Generic.List<int>();
        var run = Executor(1, batchSize: 3).Run(Enumerable.Range(0, 7).ToList(), (n, c) =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            Assert.Equal(0, c.Worker);
            order.Add(n);
            return n;
        });
        Assert.Equal(Enumerable.Range(0, 7), order);
        Assert.Equal(3, run.Batches);
    }

    [Fact]
    public void WhenRunInParallel_NoMoreThanMaxParallelismRunAtOnce_AndAWorkerNeverRunsTwoItemsAtOnce()
    {
        var running = 0;
        var peak = 0;
        var busy = new ConcurrentDictionary<int, int>();
        Executor(3).Run(Enumerable.Range(0, 60).ToList(), (n, c) =>
        {
            Assert.True(busy.TryAdd(c.Worker, n), $"worker {c.Worker} ran two items at once");
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            busy.TryRemove(c.Worker, out _);
            return n;
        });
        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public void WhenAnItemRunsPastItsTimeout_ItsTokenIsCanceledAndItIsTimedOut()
    {
        var run = Executor(2, timeout: TimeSpan.FromMilliseconds(50)).Run(Enumerable.Range(0, 4).ToList(), (n, c) =>
        {
            if (n == 1)
            {
                c.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                c.Cancellation.ThrowIfCancellationRequested();
            }

            return n;
        });
        Assert.Equal(BatchItemStatus.TimedOut, run.Items[1].Status);
        Assert.IsType<TimeoutException>(run.Items[1].Error);
        Assert.Equal(3, run.Succeeded);
    }

    [Fact]
    public void WhenAnOperationIgnoresItsTokenButFinishesLate_ItIsStillTimedOut()
    {
        var run = Executor(1, timeout: TimeSpan.FromMilliseconds(20)).Run(new[] { 1 }, (n, c) =>
        {
            c.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            Thread.Sleep(5);
            return n;
        });
        Assert.Equal(BatchItemStatus.TimedOut, run.Items[0].Status);
    }

    [Fact]
    public void WhenAnItemFailsThenSucceeds_RetriesAreCountedAndItSucceeds()
    {
        var tries = new ConcurrentDictionary<int, int>();
        var run = Executor(2, retries: 2).Run(Enumerable.Range(0, 5).ToList(), (n, c) =>
        {
            var attempt = tries.AddOrUpdate(n, 1, (_, t) => t + 1);
            Assert.Equal(attempt, c.Attempt);
            return n == 2 && attempt < 3 ? throw new InvalidOperationException("flaky") : n;
        });
        Assert.True(run.Items[2].Success);
        Assert.Equal(3, run.Items[2].Attempts);
        Assert.Equal(1, run.Items[0].Attempts);

        var always = Executor(1, retries: 1).Run(new[] { 1 }, (n, _) => n > 0 ? throw new InvalidOperationException("never") : n);
        Assert.Equal(BatchItemStatus.Failed, always.Items[0].Status);
        Assert.Equal(2, always.Items[0].Attempts);
    }

    [Fact]
    public void WhenTheRunIsCanceled_EveryFinishedResultIsKeptAndTheRestAreCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var run = Executor(2, batchSize: 10).Run(Enumerable.Range(0, 100).ToList(), (n, c) =>
        {
            if (n == 25)
            {
                cancel.Cancel();
            }

            return n;
        }, cancellation: cancel.Token);

        Assert.True(run.Canceled);
        Assert.Equal(100, run.Items.Count);
        Assert.All(run.Items.Take(20), r => Assert.True(r.Success)); // the first two batches finished
        Assert.Contains(run.Items, r => r.Status == BatchItemStatus.Canceled);
        Assert.All(run.Items.Where(r => r.Status == BatchItemStatus.Canceled), r => Assert.True(r.Index >= 20));
        Assert.All(run.Items.Where(r => r.Success), r => Assert.Equal(r.Index, r.Value));
    }

    [Fact]
    public void WhenTheCallbackThrows_TheRunStopsAndTheErrorReachesTheCaller()
    {
        var ex = Assert.Throws<AggregateException>(() => Executor(2).Run(Enumerable.Range(0, 50).ToList(), (n, _) => n, r =>
        {
            if (r.Index == 5)
            {
                throw new InvalidOperationException("consumer failed");
            }
        }));
        Assert.Contains(ex.InnerExceptions, e => e.Message == "consumer failed");
    }

    [Fact]
    public async Task WhenAsyncOperationsRun_TheyOverlapUpToTheLimitAndComeBackInOrder()
    {
        var running = 0;
        var peak = 0;
        var run = await Executor(4).RunAsync(Enumerable.Range(0, 40).ToList(), async (n, c) =>
        {
            InterlockedMax(ref peak, Interlocked.Increment(ref running));
            await Task.Delay(5, c.Cancellation);
            Interlocked.Decrement(ref running);
            return n * 3;
        });
        Assert.Equal(Enumerable.Range(0, 40).Select(n => n * 3), run.Values);
        Assert.InRange(peak, 2, 4);

        peak = 0;
        await Executor(4, concurrentAsync: false).RunAsync(Enumerable.Range(0, 10).ToList(), async (n, c) =>
        {
            InterlockedMax(ref peak, Interlocked.Increment(ref running));
            await Task.Delay(2, c.Cancellation);
            Interlocked.Decrement(ref running);
            return n;
        });
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task WhenAnAsyncItemTimesOutOrTheRunIsCanceled_ItIsSaidSo()
    {
        // A timeout generous enough that the quick item makes it on a busy machine; the slow one never does.
        var run = await Executor(2, timeout: TimeSpan.FromSeconds(3)).RunAsync(new[] { 0, 1 }, async (n, c) =>
        {
            await Task.Delay(n == 1 ? 30_000 : 0, c.Cancellation);
            return n;
        });
        Assert.True(run.Items[0].Success);
        Assert.Equal(BatchItemStatus.TimedOut, run.Items[1].Status);

        using var cancel = new CancellationTokenSource();
        var canceled = await Executor(1, batchSize: 5).RunAsync(Enumerable.Range(0, 20).ToList(), (n, c) =>
        {
            if (n == 7)
            {
                cancel.Cancel();
            }

            return Task.FromResult(n);
        }, cancellation: cancel.Token);
        Assert.True(canceled.Canceled);
        Assert.All(canceled.Items.Take(5), r => Assert.True(r.Success));
        Assert.Equal(BatchItemStatus.Canceled, canceled.Items[19].Status);
    }

    [Fact]
    public void WhenOptionsComeFromTheConfiguration_TheyAreItsSettings()
    {
        var configuration = new OptimizationConfig { BatchSizeDefault = 7, MaxWorkerThreads = 3, EnableAsyncOptimization = false };
        var options = BatchOptions.FromConfiguration(configuration);
        Assert.Equal(7, options.BatchSize);
        Assert.Equal(3, options.MaxParallelism);
        Assert.False(options.ConcurrentAsync);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.BatchSize = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ItemTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RetryCount = -1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
