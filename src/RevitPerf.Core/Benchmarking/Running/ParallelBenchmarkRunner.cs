using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Measures jobs at once on up to a throttle's worth of workers, each on a thread of its own, and hands the results
/// back on the caller's thread in the order the jobs were listed, not the order they finished.
/// </summary>
internal static class ParallelBenchmarkRunner
{
    // A worker that ignores cancellation must not hang the caller for good once the run is over.
    private static readonly TimeSpan s_joinLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="jobs"/>. <paramref name="waiting"/> is called before the caller waits for job i;
    /// <paramref name="finished"/> gets its measurement, or null when the deadline or cancellation came first, or the
    /// worker's exception. Cancellation stops the waiting with an <see cref="OperationCanceledException"/> after the
    /// jobs before were reported.
    /// </summary>
    public static void Run(
        IReadOnlyList<BenchmarkJob> jobs, int throttle, Func<IBenchmarkWorker> createWorker, BenchmarkOverrides overrides,
        long deadline, Func<long, bool> isPast, CancellationToken cancellation, Action<int> waiting,
        Action<int, BenchmarkMeasurement?, Exception?> finished)
    {
        var slots = jobs.Select(_ => new Slot()).ToArray();
        var next = -1;
        void Work()
        {
            IBenchmarkWorker? worker = null;
            Exception? failedToStart = null;
            try
            {
                worker = createWorker();
            }
#pragma warning disable CA1031 // A worker that cannot start fails each of its jobs; the caller reports them.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failedToStart = ex;
            }

            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < jobs.Count)
                {
                    var slot = slots[i];
                    try
                    {
                        if (failedToStart is not null)
                        {
                            slot.Error = failedToStart;
                        }
                        else if (!cancellation.IsCancellationRequested && !isPast(deadline))
                        {
                            slot.Measurement = worker!.Measure(jobs[i], overrides, deadline, cancellation);
                        }
                    }
#pragma warning disable CA1031 // Recorded and reported on the caller's thread; an escape would end the process.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        slot.Error = ex;
                    }
                    finally
                    {
                        slot.Done.Set();
                    }
                }
            }
            finally
            {
                worker?.Dispose();
            }
        }

        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(throttle, jobs.Count)))
            .Select(n => new Thread(Work) { IsBackground = true, Name = "RevitPerf benchmark worker " + (n + 1) })
            .ToList();
        threads.ForEach(t => t.Start());
        try
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                waiting(i);
                slots[i].Done.Wait(cancellation);
                finished(i, slots[i].Measurement, slots[i].Error);
            }
        }
        finally
        {
            foreach (var thread in threads)
            {
                thread.Join(s_joinLimit);
            }

            foreach (var slot in slots.Where(s => s.Done.IsSet))
            {
                slot.Done.Dispose();
            }
        }
    }

    private sealed class Slot
    {
        public ManualResetEventSlim Done { get; } = new(false);

        public BenchmarkMeasurement? Measurement { get; set; }

        public Exception? Error { get; set; }
    }
}
