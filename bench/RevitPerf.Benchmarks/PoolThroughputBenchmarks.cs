using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.ObjectPool;
using RevitPerf.Core.Pooling;

namespace RevitPerf.Benchmarks;

/// <summary>Which pool a benchmark runs on.</summary>
public enum PoolKind
{
    /// <summary>Microsoft.Extensions.ObjectPool's DefaultObjectPool (no statistics).</summary>
    DefaultObjectPool,

    /// <summary>RevitPerf's ObjectPool, statistics on.</summary>
    RevitPerfPool,
}

/// <summary>
/// Borrow and return of a StringBuilder with a reset, on 1 and 2 threads, for both pools in the same run. Each
/// invocation performs <see cref="OperationsPerThread"/> borrow+return pairs on every thread, so the time reported is
/// per pair on one thread; total pairs per second is Threads / Mean. Each thread holds up to two objects at once
/// now and then, so the overflow queue is used as well as the fast slot.
/// </summary>
[MemoryDiagnoser]
public class PoolThroughputBenchmarks
{
    /// <summary>Borrow+return pairs each thread performs per invocation.</summary>
    public const int OperationsPerThread = 1 << 20;

    private DefaultObjectPool<StringBuilder>? _default;
    private RevitObjectPool<StringBuilder>? _revitPerf;

    /// <summary>The pool.</summary>
    [ParamsAllValues]
    public PoolKind Pool { get; set; }

    /// <summary>Threads borrowing at once.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Creates both pools with the same capacity and reset.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _default = new DefaultObjectPool<StringBuilder>(new StringBuilderPooledObjectPolicy(), 1000);
        _revitPerf = new RevitObjectPool<StringBuilder>(() => new StringBuilder(), b => b.Clear(), "bench", 1000);
    }

    /// <summary>One borrow and one return (and every 16th pair, a second object held at once).</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void BorrowReturn()
    {
        if (Threads == 1)
        {
            Run();
            return;
        }

        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(Run);
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void Run()
    {
        if (Pool == PoolKind.DefaultObjectPool)
        {
            var pool = _default!;
            for (var i = 0; i < OperationsPerThread; i++)
            {
                var a = pool.Get();
                if ((i & 15) == 0)
                {
                    var b = pool.Get();
                    pool.Return(b);
                }

                pool.Return(a);
            }
        }
        else
        {
            var pool = _revitPerf!;
            for (var i = 0; i < OperationsPerThread; i++)
            {
                var a = pool.Borrow();
                if ((i & 15) == 0)
                {
                    var b = pool.Borrow();
                    pool.Return(b);
                }

                pool.Return(a);
            }
        }
    }
}
