using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;
using BitFaster.Caching.Scheduler;
using RevitPerf.Core.Caching;

namespace RevitPerf.Benchmarks;

/// <summary>
/// Replays deterministic traces through every RevitPerf policy, BitFaster's ConcurrentLru and ConcurrentLfu and an
/// exact LRU, and prints the hit ratios: Zipf(0.8) and Zipf(1.0) over 200,000 keys, 2,000,000 accesses each, alone
/// and with periodic sequential scans of cold keys, at capacities of 1 % and 10 % of the keys.
/// Run: dotnet run -c Release --project bench/RevitPerf.Benchmarks -- --hit-ratio
/// </summary>
public static class HitRatioHarness
{
    private const int KeyCount = 200_000;
    private const int Accesses = 2_000_000;
    private const int ScanEvery = 200_000;
    private const int ScanLength = 40_000;

    /// <summary>Runs every trace and prints a markdown table; returns 0.</summary>
    public static int Run()
    {
        var keys = Enumerable.Range(0, KeyCount).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var value = new object();
        var policies = (EvictionPolicy[])Enum.GetValues(typeof(EvictionPolicy));
        var columns = policies.Select(p => "RevitPerf " + p).Concat(new[] { "Exact LRU", "ConcurrentLru", "ConcurrentLfu" }).ToList();
        Console.WriteLine("| trace | capacity | " + string.Join(" | ", columns) + " | LRU - exact | Adaptive - ConcurrentLfu |");
        Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", columns.Count + 2)));

        foreach (var alpha in new[] { 0.8, 1.0 })
        {
            foreach (var scans in new[] { false, true })
            {
                var trace = Trace(alpha, scans, keys);
                foreach (var capacity in new[] { KeyCount / 100, KeyCount / 10 })
                {
                    var ratios = new List<double>();
                    foreach (var policy in policies)
                    {
                        var cache = new RevitCache(new CacheOptions { Name = policy.ToString(), Policy = policy, MaxSize = capacity, MaxMemoryBytes = long.MaxValue / 4, DefaultTimeToLive = System.Threading.Timeout.InfiniteTimeSpan });
                        ratios.Add(Replay(trace, key => cache.TryGet(key, out _), key => cache.Set(key, value)));
                    }

                    var exact = new ExactLru(capacity);
                    ratios.Add(Replay(trace, exact.TryGet, exact.Set));
                    var lru = new ConcurrentLru<string, object>(capacity);
                    ratios.Add(Replay(trace, key => lru.TryGet(key, out _), key => lru.AddOrUpdate(key, value)));
                    var lfu = new ConcurrentLfu<string, object>(1, capacity, new ForegroundScheduler(), StringComparer.Ordinal);
                    ratios.Add(Replay(trace, key => lfu.TryGet(key, out _), key => lfu.AddOrUpdate(key, value)));

                    var lruIndex = Array.IndexOf(policies, EvictionPolicy.LRU);
                    var adaptiveIndex = Array.IndexOf(policies, EvictionPolicy.Adaptive);
                    var name = string.Format(CultureInfo.InvariantCulture, "Zipf {0:0.0}{1}", alpha, scans ? " + scans" : string.Empty);
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2} | {3:+0.0000;-0.0000;0.0000} | {4:+0.0000;-0.0000;0.0000} |",
                        name, capacity, string.Join(" | ", ratios.Select(r => r.ToString("0.0000", CultureInfo.InvariantCulture))),
                        ratios[lruIndex] - ratios[policies.Length], ratios[adaptiveIndex] - ratios[^1]));
                }
            }
        }

        return 0;
    }

    private static double Replay(string[] trace, Func<string, bool> tryGet, Action<string> set)
    {
        long hits = 0;
        foreach (var key in trace)
        {
            if (tryGet(key))
            {
                hits++;
            }
            else
            {
                set(key);
            }
        }

        return (double)hits / trace.Length;
    }

    private static string[] Trace(double alpha, bool scans, string[] keys)
    {
        // Zipf by inverse CDF over ranks 1..n with a fixed seed: the same trace on every run and machine.
        var cdf = new double[KeyCount];
        var total = 0.0;
        for (var rank = 0; rank < KeyCount; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, alpha);
            cdf[rank] = total;
        }

        var random = new Random(20261124);
        var trace = new List<string>(Accesses + (scans ? Accesses / ScanEvery * ScanLength : 0));
        var scanStart = KeyCount / 2;
        for (var i = 0; i < Accesses; i++)
        {
            var index = Array.BinarySearch(cdf, random.NextDouble() * total);
            trace.Add(keys[index < 0 ? Math.Min(~index, KeyCount - 1) : index]);
            if (scans && (i + 1) % ScanEvery == 0)
            {
                // A sequential pass over cold keys (the tail of the distribution), as a report or export would do.
                for (var s = 0; s < ScanLength; s++)
                {
                    trace.Add(keys[scanStart + ((s + (i / ScanEvery * 7_919)) % (KeyCount / 2))]);
                }
            }
        }

        return trace.ToArray();
    }

    /// <summary>The textbook LRU: a dictionary and a linked list, exact by construction; the reference for LRU.</summary>
    private sealed class ExactLru
    {
        private readonly int _capacity;
        private readonly Dictionary<string, LinkedListNode<string>> _map = new(StringComparer.Ordinal);
        private readonly LinkedList<string> _order = new();

        public ExactLru(int capacity) => _capacity = capacity;

        public bool TryGet(string key)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            _order.Remove(node);
            _order.AddLast(node);
            return true;
        }

        public void Set(string key)
        {
            if (_map.Count >= _capacity)
            {
                _map.Remove(_order.First!.Value);
                _order.RemoveFirst();
            }

            _map[key] = _order.AddLast(key);
        }
    }
}
