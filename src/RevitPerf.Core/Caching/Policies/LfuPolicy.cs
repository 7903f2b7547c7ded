namespace RevitPerf.Core.Caching.Policies;

/// <summary>
/// O(1) LFU: entries sit in buckets of equal frequency (each an LRU list), buckets in a list ordered by frequency.
/// The victim is the least recently used entry of the lowest bucket, chosen before a new entry is added, so the
/// entry being inserted is never its own victim. A replaced value keeps its key's frequency.
/// </summary>
internal sealed class LfuPolicy : CachePolicy
{
    private Bucket? _lowest;

    public override bool TracksReads => true;

    public override void OnAdd(CacheEntry entry) => Place(entry, 1, after: null);

    public override void OnRemove(CacheEntry entry)
    {
        if (entry.Owner is Bucket bucket)
        {
            bucket.Entries.Remove(entry);
            DropIfEmpty(bucket);
        }
    }

    public override void OnRead(CacheEntry entry)
    {
        if (entry.Owner is not Bucket bucket)
        {
            return;
        }

        var frequency = bucket.Frequency + 1;
        bucket.Entries.Remove(entry);
        Place(entry, frequency, bucket);
        DropIfEmpty(bucket);
    }

    public override object? Detach(CacheEntry old)
    {
        // The bucket stays, even empty, so the new value rejoins it in O(1); Victim() steps over it meanwhile.
        var bucket = (Bucket)old.Owner!;
        bucket.Entries.Remove(old);
        return bucket;
    }

    public override void Reattach(CacheEntry entry, object? kept)
    {
        var bucket = (Bucket)kept!;
        entry.Frequency = bucket.Frequency;
        bucket.Entries.AddLast(entry);
        entry.Owner = bucket;
    }

    public override CacheEntry? Victim()
    {
        var bucket = _lowest;
        while (bucket is { Entries.Count: 0 })
        {
            bucket = bucket.Next; // at most one bucket is empty: the one a replaced key is waiting to rejoin
        }

        return bucket?.Entries.First;
    }

    public override void Clear() => _lowest = null;

    // Puts the entry in the bucket of `frequency`, searching from `after` (the bucket it came from, or its
    // predecessor): buckets only ever need a step forward, so this stays O(1).
    private void Place(CacheEntry entry, int frequency, Bucket? after)
    {
        var next = after is null ? _lowest : after.Next;
        var previous = after;
        while (next is not null && next.Frequency < frequency)
        {
            previous = next;
            next = next.Next;
        }

        var target = next;
        if (target is null || target.Frequency != frequency)
        {
            target = new Bucket(frequency) { Previous = previous, Next = next };
            if (next is not null)
            {
                next.Previous = target;
            }

            if (previous is null)
            {
                _lowest = target;
            }
            else
            {
                previous.Next = target;
            }
        }

        entry.Frequency = frequency;
        target.Entries.AddLast(entry);
        entry.Owner = target;
    }

    private void DropIfEmpty(Bucket bucket)
    {
        if (bucket.Entries.Count > 0)
        {
            return;
        }

        if (bucket.Previous is null)
        {
            _lowest = bucket.Next;
        }
        else
        {
            bucket.Previous.Next = bucket.Next;
        }

        if (bucket.Next is not null)
        {
            bucket.Next.Previous = bucket.Previous;
        }
    }

    private sealed class Bucket
    {
        public Bucket(int frequency) => Frequency = frequency;

        public int Frequency { get; }

        public EntryList Entries { get; } = new();

        public Bucket? Previous;
        public Bucket? Next;
    }
}
