using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class RevitCacheTests
{
    [Fact]
    public void WhenK0IsReadBeforeK2IsAdded_K1IsTheOneEvicted()
    {
        var cache = NewCache(maxSize: 2);
        cache.Set("k0", 0);
        cache.Set("k1", 1);
        Assert.True(cache.TryGet("k0", out _));
        cache.Set("k2", 2);
        Assert.True(cache.Has("k0"));
        Assert.False(cache.Has("k1"));
        Assert.True(cache.Has("k2"));
    }

    [Fact]
    public void WhenANullIsCached_ReadingItIsAHitThatReturnsNull()
    {
        var cache = NewCache();
        cache.Set("nothing", null);
        Assert.True(cache.TryGet("nothing", out var value));
        Assert.Null(value);
        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.Hits);
        Assert.Equal(0, stats.Misses);
    }

    [Fact]
    public void WhenAnEntryHasItsOwnTtl_ItExpiresThenWhileTheDefaultIsLonger()
    {
        var clock = new ManualClock();
        var cache = NewCache(ttl: TimeSpan.FromHours(1), clock: clock);
        cache.Set("short", 1, new CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(0.1) });
        cache.Set("long", 2);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.True(cache.TryGet("short", out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGet("short", out _));
        Assert.True(cache.TryGet("long", out _));
        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.ExpiredEvictions);
        Assert.Equal(1, stats.Count);
    }

    [Fact]
    public void WhenAnEntryExpires_ItIsNeverReturnedAndTheSweepRemovesTheRest()
    {
        var clock = new ManualClock();
        var cache = NewCache(ttl: TimeSpan.FromSeconds(10), clock: clock);
        for (var i = 0; i < 5; i++)
        {
            cache.Set("k" + i, i);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(cache.GetEntries());
        Assert.Equal(5, cache.RemoveExpired());
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.MemoryBytes);
    }

    [Fact]
    public void WhenAnExpiredKeyIsSetAgain_TheSweepKeepsTheNewEntry()
    {
        var clock = new ManualClock();
        var cache = NewCache(ttl: TimeSpan.FromSeconds(10), clock: clock);
        cache.Set("k", 1);
        clock.Advance(TimeSpan.FromSeconds(11));
        cache.Set("k", 2);
        Assert.Equal(0, cache.RemoveExpired());
        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void WhenAKeyIsUpdatedAtCapacity_NoOtherEntryIsEvicted()
    {
        var cache = NewCache(maxSize: 3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.Set("a", 10);
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(10, a);
        Assert.True(cache.Has("b") && cache.Has("c"));
        Assert.Equal(0, cache.GetStatistics().Evictions);
    }

    [Fact]
    public void WhenAnUpdateNeedsMoreMemory_OnlyWhatTheNewSizeRequiresIsEvicted()
    {
        // Each entry counts its value's size and its key's: "old" 7 + 3 = 10, the others 29 + 1 = 30.
        var cache = NewCache(maxMemoryBytes: 100);
        cache.Set("old", 1, Sized(7));
        cache.Set("a", 1, Sized(29));
        cache.Set("b", 1, Sized(29));
        cache.Set("c", 1, Sized(29));
        cache.Set("c", 2, Sized(39)); // needs 10 more bytes than it had: one victim, the least recent
        Assert.False(cache.Has("old"));
        Assert.True(cache.Has("a") && cache.Has("b") && cache.Has("c"));
        Assert.Equal(100, cache.MemoryBytes);
    }

    [Fact]
    public void WhenTheUpdatedKeyIsTheLeastRecent_ItIsNotItsOwnVictim()
    {
        var cache = NewCache(maxMemoryBytes: 100);
        cache.Set("a", 1, Sized(39));
        cache.Set("b", 1, Sized(39));
        cache.Set("a", 2, Sized(60)); // 61 with its key
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(2, a);
        Assert.False(cache.Has("b"));
        Assert.Equal(61, cache.MemoryBytes);
        Assert.Equal(1, cache.GetStatistics().MemoryEvictions);
    }

    [Fact]
    public void WhenAValueIsLargerThanTheWholeBudget_ItIsRefusedAndNothingIsTouched()
    {
        var cache = NewCache(maxMemoryBytes: 100);
        cache.Set("a", 1, Sized(49));
        cache.Set("b", 1, Sized(49));
        var ex = Assert.Throws<CacheEntryTooLargeException>(() => cache.Set("huge", new string('x', 97))); // 101 with its key
        Assert.Equal(101, ex.SizeBytes);
        Assert.Equal(100, ex.MaxMemoryBytes);
        Assert.Contains("more than the whole memory budget", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, cache.Count);
        Assert.Equal(100, cache.MemoryBytes);
        Assert.Equal(0, cache.GetStatistics().Evictions);
        Assert.Throws<CacheEntryTooLargeException>(() => cache.Set("a", 2, Sized(101)));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
    }

    [Fact]
    public void WhenACachedValueIsMutatedAfterwards_RemovalSubtractsExactlyWhatWasAdded()
    {
        var cache = NewCache();
        var list = new List<string> { "abc" };
        cache.Set("list", list);
        var added = cache.MemoryBytes;
        Assert.Equal(64 + 3 + "list".Length, added); // keys count too
        list.Add(new string('y', 1000));
        cache.Set("other", "xyz");
        Assert.True(cache.Remove("list"));
        Assert.Equal(3 + "other".Length, cache.MemoryBytes);
        Assert.True(cache.Remove("other"));
        Assert.Equal(0, cache.MemoryBytes);
        Assert.False(cache.Remove("other"));
    }

    [Fact]
    public void WhenTheMemoryLimitIsReached_EntriesAreEvictedByBytesNotByCount()
    {
        var cache = NewCache(maxSize: 1000, maxMemoryBytes: 10);
        cache.Set("a", "12345");
        cache.Set("b", "12345");
        cache.Set("c", "1");
        Assert.False(cache.Has("a"));
        Assert.Equal(6 + 2, cache.MemoryBytes); // "12345" and "1", each with its one-byte key
        Assert.Equal(1, cache.GetStatistics().MemoryEvictions);
    }

    [Fact]
    public void WhenEntriesAreEvictedAndRemoved_TheStatisticsCountEachReason()
    {
        var clock = new ManualClock();
        var cache = NewCache(maxSize: 2, clock: clock);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.Remove("b");
        cache.Set("x", 1, new CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(1), Dependencies = new[] { "tag" } });
        cache.InvalidateDependency("tag");
        cache.Set("e", 1, new CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(1) });
        clock.Advance(TimeSpan.FromSeconds(2));
        cache.TryGet("e", out _);
        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.CapacityEvictions);
        Assert.Equal(1, stats.RemovedEntries);
        Assert.Equal(1, stats.InvalidatedEvictions);
        Assert.Equal(1, stats.ExpiredEvictions);
        Assert.Equal(4, stats.Evictions);
        Assert.Equal("LRU", stats.Policy);
        Assert.Equal(1, stats.Count);
    }

    [Fact]
    public void WhenReadsHappen_TheHitRatioIsCountedNotEstimated()
    {
        var cache = NewCache();
        cache.Set("a", 1);
        for (var i = 0; i < 3; i++)
        {
            cache.TryGet("a", out _);
        }

        cache.TryGet("missing", out _);
        var stats = cache.GetStatistics();
        Assert.Equal(3, stats.Hits);
        Assert.Equal(1, stats.Misses);
        Assert.Equal(0.75, stats.HitRatio);
        Assert.Equal(75, stats.HitRatePercent);
        cache.ResetStatistics();
        Assert.Equal(0, cache.GetStatistics().Hits);
        Assert.Equal(0, cache.GetStatistics().HitRatio);
    }

    [Fact]
    public void WhenEntriesLeave_CallbacksGetTheFullKeyAndReasonOutsideTheLock()
    {
        var cache = NewCache(maxSize: 1);
        var seen = new List<(string, RemovalReason)>();
        var otherThreadGotIn = true;
        cache.EntryRemoved += (_, e) =>
        {
            seen.Add((e.Key, e.Reason));

            // Another thread must be able to use the cache while a callback runs.
            var other = new Thread(() => cache.GetStatistics());
            other.Start();
            otherThreadGotIn &= other.Join(TimeSpan.FromSeconds(10));
        };
        cache.Set("Wall|1", 1);
        cache.Set("Wall|1", 2);
        cache.Set("Wall|2", 3);
        Assert.Equal(new[] { ("Wall|1", RemovalReason.Replaced), ("Wall|1", RemovalReason.Capacity) }, seen);
        Assert.True(otherThreadGotIn);
    }

    [Fact]
    public void WhenKeysAreInvalidKeysOrTtls_TheyAreRefused()
    {
        var cache = NewCache();
        Assert.Throws<ArgumentNullException>(() => cache.Set(null!, 1));
        Assert.Throws<ArgumentException>(() => cache.Set(string.Empty, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set("a", 1, new CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RevitCache(new CacheOptions { MaxSize = 0 }));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void WhenKeysDifferOnlyInCase_TheyAreDifferentKeys()
    {
        var cache = NewCache();
        cache.Set("Wall", 1);
        cache.Set("wall", 2);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void WhenResizedSmaller_TheExcessIsEvictedAndTheNewLimitsHold()
    {
        var cache = NewCache(maxSize: 10);
        for (var i = 0; i < 10; i++)
        {
            cache.Set("k" + i, i);
        }

        cache.Resize(4, 1_000_000, TimeSpan.FromMinutes(5));
        Assert.Equal(4, cache.Count);
        Assert.Equal(4, cache.MaxSize);
        Assert.Equal(TimeSpan.FromMinutes(5), cache.DefaultTimeToLive);
        Assert.Equal(new[] { "k6", "k7", "k8", "k9" }, cache.GetEntries().Select(e => e.Key));
    }

    [Fact]
    public void WhenEntriesAreListed_TheyCarryTheirSizeTimesAndDependencies()
    {
        var clock = new ManualClock();
        var cache = NewCache(clock: clock, ttl: TimeSpan.FromMinutes(1));
        cache.Set("a", "hello", new CacheEntryOptions { Dependencies = new[] { "x", "y", "x" } });
        cache.Set("b", 1, new CacheEntryOptions { TimeToLive = System.Threading.Timeout.InfiniteTimeSpan });
        var a = cache.GetEntries(new WildcardMatcher("a", false)).Single();
        Assert.Equal(5, a.SizeBytes);
        Assert.Equal(clock.UtcNow, a.CreatedUtc);
        Assert.Equal(clock.UtcNow.AddMinutes(1), a.ExpiresUtc);
        Assert.Equal("x, y", a.DependencyList);
        Assert.Null(cache.GetEntries(new WildcardMatcher("b", false)).Single().ExpiresUtc);
        Assert.Equal(0, cache.GetStatistics().Hits);
    }

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
        Assert.Equal(stats.MemoryBytes, entries.Sum(e => e.SizeBytes + e.KeyBytes));
        Assert.True(stats.Count <= 500);
        Assert.True(stats.MemoryBytes <= 40_000);
        Assert.All(entries, e => Assert.InRange(e.SizeBytes, 1, 120));
    }

    [Fact]
    public void WhenKeysAreLarge_TheyCountAgainstTheMemoryBudgetAndAreEvictedForIt()
    {
        var cache = NewCache(maxSize: 1000, maxMemoryBytes: 1 << 20);
        for (var i = 0; i < 200; i++)
        {
            cache.Set(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('k', 500_000), i);
        }

        var entries = cache.GetEntries();
        Assert.Equal(2, cache.Count); // two 500 KB keys fit in 1 MB, not 200
        Assert.True(cache.MemoryBytes <= 1 << 20);
        Assert.All(entries, e => Assert.Equal(500_003, e.KeyBytes));
        Assert.Equal(198, cache.GetStatistics().MemoryEvictions);
    }
}
