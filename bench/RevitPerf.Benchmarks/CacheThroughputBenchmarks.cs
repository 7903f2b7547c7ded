using System;
using System.Collections.Concurrent;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RevitPerf.Core.Caching;

namespace RevitPerf.Benchmarks;

/// <summary>Which cache a benchmark runs on.</summary>
public enum CacheKind
{
    /// <summary>The ceiling: ConcurrentDictionary.</summary>
    ConcurrentDictionary,

    /// <summary>RevitPerf's default cache: LRU, TTL and memory limits on, statistics on.</summary>
    RevitPerfLru,

    /// <summary>BitFaster.Caching ConcurrentLru.</summary>
    ConcurrentLru,

    /// <summary>BitFaster.Caching ConcurrentLfu.</summary>
    ConcurrentLfu,

    /// <summary>Microsoft.Extensions.Caching.Memory.</summary>
    MemoryCache,
#if BASELINE_CORE

    /// <summary>RevitPerf's default cache as an older commit built it (bench/Compare-Baseline.ps1).</summary>
    RevitPerfLruBaseline,
#endif
}

/// <summary>
/// Get-hit, set-update and a mixed 80/20 workload over 1,000 keys, on 1 and 2 threads, for every cache in the same
/// run. Each invocation performs <see cref="OperationsPerThread"/> operations on every thread, so the reported time
/// per operation is wall time divided by one thread's operations: total throughput in operations per second is
/// Threads / Mean.
/// </summary>
[MemoryDiagnoser]
public class CacheThroughputBenchmarks
{
    /// <summary>Operations each thread performs per invocation.</summary>
    public const int OperationsPerThread = 1 << 20;

    private const int KeyCount = 1000;
    private readonly string[] _keys = new string[KeyCount];
    private Action<int, int> _run = (_, _) => { };
    private IDisposable? _owned;

    /// <summary>The cache.</summary>
    [ParamsAllValues]
    public CacheKind Cache { get; set; }

    /// <summary>Threads running the workload at once.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Fills the cache with the 1,000 keys.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < KeyCount; i++)
        {
            _keys[i] = "element:" + i;
        }

        switch (Cache)
        {
            case CacheKind.ConcurrentDictionary:
                Bind(new DictionaryAdapter(new ConcurrentDictionary<string, object>()));
                break;
            case CacheKind.RevitPerfLru:
                Bind(new RevitCacheAdapter(new RevitCache(new CacheOptions { MaxSize = 10_000, MaxMemoryBytes = 100L << 20, DefaultTimeToLive = TimeSpan.FromHours(1) })));
                break;
            case CacheKind.ConcurrentLru:
                Bind(new BitFasterAdapter(new ConcurrentLru<string, object>(10_000)));
                break;
#if BASELINE_CORE
            case CacheKind.RevitPerfLruBaseline:
                Bind(BaselineCache.Create());
                break;
#endif
            case CacheKind.ConcurrentLfu:
                var lfu = new ConcurrentLfu<string, object>(10_000);
                _owned = lfu.Scheduler as IDisposable;
                Bind(new BitFasterAdapter(lfu));
                break;
            case CacheKind.MemoryCache:
                var memory = new MemoryCache(Options.Create(new MemoryCacheOptions()));
                _owned = memory;
                Bind(new MemoryCacheAdapter(memory));
                break;
            default:
                // A kind this build does not have (RevitPerfLruBaseline without the baseline) must not measure another.
                throw new InvalidOperationException($"This build has no cache kind {Cache}; see bench/Compare-Baseline.ps1.");
        }
    }

    /// <summary>Releases the cache.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned?.Dispose();

    /// <summary>Reads of keys that are always present.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void GetHit() => RunOnThreads(0);

    /// <summary>Writes that replace a present key's value.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void SetUpdate() => RunOnThreads(100);

    /// <summary>80 % reads, 20 % updates.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void Mixed8020() => RunOnThreads(20);

    private void Bind<TCache>(TCache cache)
        where TCache : struct, ICacheAdapter
    {
        var value = new object();
        foreach (var key in _keys)
        {
            cache.Set(key, value);
        }

        _run = (writePercent, seed) => Work(cache, writePercent, seed, _keys, value);
    }

    private static void Work<TCache>(TCache cache, int writePercent, int seed, string[] keys, object value)
        where TCache : struct, ICacheAdapter
    {
        // A cheap deterministic sequence picks keys and operations, so the loop measures the cache, not Random.
        var state = (uint)(seed * 2654435761u) | 1;
        for (var i = 0; i < OperationsPerThread; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var key = keys[state % KeyCount];
            if (writePercent > 0 && (state >> 16) % 100 < (uint)writePercent)
            {
                cache.Set(key, value);
            }
            else
            {
                cache.TryGet(key, out _);
            }
        }
    }

    private void RunOnThreads(int writePercent)
    {
        if (Threads == 1)
        {
            _run(writePercent, 1);
            return;
        }

        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var seed = t + 1;
            threads[t] = new Thread(() => _run(writePercent, seed));
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
