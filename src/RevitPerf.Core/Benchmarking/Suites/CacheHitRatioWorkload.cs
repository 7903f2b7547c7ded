using System;
using System.Globalization;
using System.Threading;
using RevitPerf.Core.Caching;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Replays a skewed, deterministic access trace (Zipf over element ids) through a bounded module cache: each access
/// reads the cache and stores the element on a miss, as a script caching element lookups would. Its hit ratio over
/// the measured iterations is the figure judged against cache_hit_ratio.
/// </summary>
internal sealed class CacheHitRatioWorkload : IBenchmarkWorkload, IBenchmarkMetrics
{
    private readonly int _keyCount;
    private readonly int _capacity;
    private readonly double _exponent;
    private readonly EvictionPolicy _policy;
    private string[] _keys = Array.Empty<string>();
    private int[] _trace = Array.Empty<int>();
    private RevitCache? _cache;
    private int _position;
    private long _hits;
    private long _accesses;

    /// <summary>Creates the workload: <paramref name="keyCount"/> keys, a cache of <paramref name="capacity"/>, Zipf exponent.</summary>
    public CacheHitRatioWorkload(int keyCount = 10_000, int capacity = 2_000, double exponent = 1.1, EvictionPolicy policy = EvictionPolicy.Adaptive)
    {
        _keyCount = keyCount > 0 ? keyCount : throw new ArgumentOutOfRangeException(nameof(keyCount));
        _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));
        _exponent = exponent > 0 ? exponent : throw new ArgumentOutOfRangeException(nameof(exponent));
        _policy = policy;
    }

    /// <inheritdoc/>
    public double? MemoryMB => null;

    /// <inheritdoc/>
    public double? HitRatio => _accesses == 0 ? null : (double)_hits / _accesses;

    /// <inheritdoc/>
    public void Setup()
    {
        _keys = new string[_keyCount];
        for (var i = 0; i < _keyCount; i++)
        {
            _keys[i] = "element:" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
        }

        _trace = ZipfTrace(_keyCount, _exponent, 1 << 18, seed: 2026);
        _cache = new RevitCache(new CacheOptions
        {
            Name = "RevitPerf.Benchmark.HitRatio",
            Policy = _policy,
            MaxSize = _capacity,
            MaxMemoryBytes = long.MaxValue / 4,
            DefaultTimeToLive = Timeout.InfiniteTimeSpan,
        });
        _position = 0;
    }

    /// <inheritdoc/>
    public void BeginMeasurement()
    {
        _hits = 0;
        _accesses = 0;
    }

    /// <inheritdoc/>
    public void Run(long invocations)
    {
        var cache = _cache ?? throw new InvalidOperationException("Setup has not run.");
        for (long i = 0; i < invocations; i++)
        {
            var key = _keys[_trace[_position]];
            _position = (_position + 1) & (_trace.Length - 1);
            if (cache.TryGet(key, out _))
            {
                _hits++;
            }
            else
            {
                cache.Set(key, key);
            }

            _accesses++;
        }
    }

    /// <inheritdoc/>
    public string? Validate() => _cache is { } cache && cache.Count > _capacity ? $"the cache holds {cache.Count} entries, more than its {_capacity}" : null;

    /// <inheritdoc/>
    public void Teardown()
    {
        _cache = null;
        _trace = Array.Empty<int>();
    }

    /// <summary>A trace of <paramref name="length"/> key indexes drawn from Zipf(<paramref name="exponent"/>) over <paramref name="keyCount"/> keys.</summary>
    public static int[] ZipfTrace(int keyCount, double exponent, int length, int seed)
    {
        // Inverse-CDF sampling over the normalized cumulative weights 1/k^s; ranks are shuffled onto keys so that
        // the hot keys are spread over the id range, as they are in a real model.
        var cumulative = new double[keyCount];
        var total = 0.0;
        for (var k = 0; k < keyCount; k++)
        {
            total += 1 / Math.Pow(k + 1, exponent);
            cumulative[k] = total;
        }

        var random = new Random(seed);
        var rankToKey = new int[keyCount];
        for (var i = 0; i < keyCount; i++)
        {
            rankToKey[i] = i;
        }

        for (var i = keyCount - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rankToKey[i], rankToKey[j]) = (rankToKey[j], rankToKey[i]);
        }

        var trace = new int[length];
        for (var i = 0; i < length; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            trace[i] = rankToKey[Math.Min(keyCount - 1, index < 0 ? ~index : index)];
        }

        return trace;
    }
}
