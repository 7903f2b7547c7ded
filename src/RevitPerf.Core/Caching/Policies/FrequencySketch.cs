using System;

namespace RevitPerf.Core.Caching.Policies;

/// <summary>
/// A count-min sketch of 4-bit counters (four rows, one per hash, each 4 x the capacity wide so few keys share a
/// counter), with aging: after 10 x the capacity of increments every counter is halved, so the estimate follows a
/// changing workload. TinyLFU's frequency filter.
/// </summary>
internal sealed class FrequencySketch
{
    private const int Rows = 4;
    private const byte MaxCount = 15;
    private static readonly ulong[] s_seeds = { 0xc3a5c85c97cb3127UL, 0xb492b66fbe98f273UL, 0x9ae16a3b2f90404fUL, 0xcbf29ce484222325UL };

    private byte[] _table = Array.Empty<byte>();
    private int _mask;
    private int _sampleSize;
    private int _additions;

    public FrequencySketch(int capacity) => Resize(capacity);

    public void Resize(int capacity)
    {
        var width = 64;
        while (width < 4L * capacity && width < (1 << 24))
        {
            width <<= 1;
        }

        _table = new byte[width * Rows];
        _mask = width - 1;
        _sampleSize = 10 * Math.Max(16, capacity);
        _additions = 0;
    }

    public int Estimate(string key)
    {
        var hash = Spread(key);
        var min = (int)MaxCount;
        for (var row = 0; row < Rows; row++)
        {
            min = Math.Min(min, _table[Index(hash, row)]);
        }

        return min;
    }

    public void Increment(string key)
    {
        var hash = Spread(key);
        var added = false;

        // Conservative update: only the counters at the current minimum grow, which keeps estimates tight.
        var min = Estimate(key);
        if (min >= MaxCount)
        {
            return;
        }

        for (var row = 0; row < Rows; row++)
        {
            var index = Index(hash, row);
            if (_table[index] == min)
            {
                _table[index]++;
                added = true;
            }
        }

        if (added && ++_additions >= _sampleSize)
        {
            Halve();
        }
    }

    private void Halve()
    {
        for (var i = 0; i < _table.Length; i++)
        {
            _table[i] >>= 1;
        }

        _additions /= 2;
    }

    private int Index(ulong hash, int row)
    {
        var h = (hash ^ s_seeds[row]) * 0x9E3779B97F4A7C15UL;
        return (row * (_mask + 1)) + (int)((h >> 32) & (uint)_mask);
    }

    private static ulong Spread(string key)
    {
        // FNV-1a over the characters: stable, and independent of string.GetHashCode's per-process seed.
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        return hash ^ (hash >> 29);
    }
}
