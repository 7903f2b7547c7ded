using System;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Caching;

namespace RevitPerf.Core.Tests.Caching;

public class SoakTests
{
    [Theory]
    [InlineData(EvictionPolicy.LRU)]
    [InlineData(EvictionPolicy.Adaptive)]
    [InlineData(EvictionPolicy.LFU)]
    public void WhenTwoThreadsRunAMillionMixedOperations_TheBooksBalanceAfterwards(EvictionPolicy policy)
    {
        var cache = new RevitCache(new CacheOptions
        {
            Name = "soak",
            Policy = policy,
            MaxSize = 500,
            MaxMemoryBytes = 40_000,
            DefaultTimeToLive = TimeSpan.FromHours(1),
        });
        const int threads = 2;
        const int perThread = 500_000;
        var gets = new long[threads];
        var failures = new Exception?[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                var random = new Random(t + 1);
                for (var i = 0; i < perThread; i++)
                {
                    var key = "k" + random.Next(2_000);
                    var op = random.Next(100);
                    if (op < 80)
                    {
                        cache.TryGet(key, out _);
                        gets[t]++;
                    }
                    else if (op < 97)
                    {
                        cache.Set(key, new string('x', random.Next(1, 120)));
                    }
                    else if (op < 99)
                    {
                        cache.Remove(key);
                    }
                    else
                    {
                        cache.GetOrAdd(key, k => k);
                        gets[t]++;
                    }
                }
            }
            catch (Exception ex)
            {
                failures[t] = ex;
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.All(failures, f => Assert.Null(f));
        var stats = cache.GetStatistics();
        Assert.Equal(gets.Sum(), stats.Hits + stats.Misses);
        var entries = cache.GetEntries();
        Assert.Equal(stats.Count, entries.Count);
        Assert.Equal(stats.MemoryBytes, entries.Sum(e => e.SizeBytes));
        Assert.True(stats.Count <= 500);
        Assert.True(stats.MemoryBytes <= 40_000);
        Assert.All(entries, e => Assert.InRange(e.SizeBytes, 1, 120));
    }
}
