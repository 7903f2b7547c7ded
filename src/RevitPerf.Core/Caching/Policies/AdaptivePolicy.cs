using System;

namespace RevitPerf.Core.Caching.Policies;

/// <summary>
/// W-TinyLFU. New entries enter a small LRU window (1 % of the capacity); entries leaving the window join the
/// probation segment of a segmented LRU, and a hit there promotes them to the protected segment (80 % of the main
/// space). When the cache must evict, the newest arrival in probation (the candidate) and the oldest entry there (the
/// victim) are compared by their estimated frequencies, and the less frequent one goes: one-off keys (a scan) do not
/// push out a popular working set.
/// </summary>
internal sealed class AdaptivePolicy : CachePolicy
{
    private readonly EntryList _window = new();
    private readonly EntryList _probation = new();
    private readonly EntryList _protected = new();
    private readonly FrequencySketch _sketch;
    private int _windowMax;
    private int _protectedMax;

    public AdaptivePolicy(int maxSize)
    {
        _sketch = new FrequencySketch(maxSize);
        Size(maxSize);
    }

    public override bool TracksReads => true;

    public override void OnAdd(CacheEntry entry)
    {
        _sketch.Increment(entry.Key);
        _window.AddLast(entry);

        // The window's overflow moves into probation; admission is decided when something must be evicted.
        while (_window.Count > _windowMax)
        {
            var oldest = _window.First!;
            _window.Remove(oldest);
            _probation.AddLast(oldest);
        }
    }

    public override void OnRemove(CacheEntry entry)
    {
        if (entry.Owner is EntryList list)
        {
            list.Remove(entry);
        }
    }

    public override void OnRead(CacheEntry entry)
    {
        _sketch.Increment(entry.Key);
        if (ReferenceEquals(entry.Owner, _window))
        {
            _window.MoveToLast(entry);
        }
        else if (ReferenceEquals(entry.Owner, _probation))
        {
            _probation.Remove(entry);
            _protected.AddLast(entry);
            while (_protected.Count > _protectedMax)
            {
                var demoted = _protected.First!;
                _protected.Remove(demoted);
                _probation.AddLast(demoted);
            }
        }
        else if (ReferenceEquals(entry.Owner, _protected))
        {
            _protected.MoveToLast(entry);
        }
    }

    public override object? Detach(CacheEntry old)
    {
        // The key keeps its segment (and the sketch its frequency): an update is not a new arrival.
        var list = (EntryList)old.Owner!;
        list.Remove(old);
        return list;
    }

    public override void Reattach(CacheEntry entry, object? kept) => ((EntryList)kept!).AddLast(entry);

    public override CacheEntry? Victim()
    {
        var victim = _probation.First;
        var candidate = _probation.Last;
        if (victim is null)
        {
            return _protected.First ?? _window.First;
        }

        if (ReferenceEquals(victim, candidate))
        {
            return victim;
        }

        // The less frequent of the two goes; on a tie the incumbent stays (TinyLFU admits only the more frequent).
        return _sketch.Estimate(candidate!.Key) > _sketch.Estimate(victim.Key) ? victim : candidate;
    }

    public override void OnCapacityChanged(int maxSize)
    {
        Size(maxSize);
        _sketch.Resize(maxSize);
    }

    public override void Clear()
    {
        _window.Clear();
        _probation.Clear();
        _protected.Clear();
    }

    private void Size(int maxSize)
    {
        _windowMax = Math.Max(1, maxSize / 100);
        _protectedMax = Math.Max(1, (int)((maxSize - _windowMax) * 0.8));
    }
}
