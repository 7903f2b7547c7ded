using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Caching.Policies;

/// <summary>
/// A binary heap of entries (each knows its index, so removal is O(log n)): TTL evicts the earliest expiry,
/// SizeBased the largest entry; ties go to the oldest write.
/// </summary>
internal sealed class HeapPolicy : CachePolicy
{
    private readonly Comparison<CacheEntry> _before;
    private readonly List<CacheEntry> _heap = new();

    public HeapPolicy(Comparison<CacheEntry> before) => _before = before;

    public override bool TracksReads => false;

    public override void OnAdd(CacheEntry entry)
    {
        entry.HeapIndex = _heap.Count;
        _heap.Add(entry);
        Up(entry.HeapIndex);
    }

    public override void OnRemove(CacheEntry entry)
    {
        var index = entry.HeapIndex;
        if (index < 0)
        {
            return;
        }

        var last = _heap.Count - 1;
        if (index != last)
        {
            Swap(index, last);
        }

        _heap.RemoveAt(last);
        entry.HeapIndex = -1;
        if (index < _heap.Count)
        {
            Down(index);
            Up(index);
        }
    }

    public override void OnRead(CacheEntry entry)
    {
    }

    public override CacheEntry? Victim() => _heap.Count == 0 ? null : _heap[0];

    public override void Clear()
    {
        foreach (var entry in _heap)
        {
            entry.HeapIndex = -1;
        }

        _heap.Clear();
    }

    private void Up(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_before(_heap[index], _heap[parent]) >= 0)
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void Down(int index)
    {
        while (true)
        {
            var smallest = index;
            var left = (2 * index) + 1;
            if (left < _heap.Count && _before(_heap[left], _heap[smallest]) < 0)
            {
                smallest = left;
            }

            if (left + 1 < _heap.Count && _before(_heap[left + 1], _heap[smallest]) < 0)
            {
                smallest = left + 1;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heap[a].HeapIndex = a;
        _heap[b].HeapIndex = b;
    }
}
