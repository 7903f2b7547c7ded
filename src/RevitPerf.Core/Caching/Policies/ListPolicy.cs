namespace RevitPerf.Core.Caching.Policies;

/// <summary>LRU (reads move an entry to the back) or FIFO (they do not); the front is evicted.</summary>
internal sealed class ListPolicy : CachePolicy
{
    private readonly EntryList _list = new();
    private readonly bool _moveOnRead;

    public ListPolicy(bool moveOnRead) => _moveOnRead = moveOnRead;

    public override bool TracksReads => _moveOnRead;

    public override void OnAdd(CacheEntry entry) => _list.AddLast(entry);

    public override void OnRemove(CacheEntry entry) => _list.Remove(entry);

    public override void OnRead(CacheEntry entry)
    {
        if (ReferenceEquals(entry.Owner, _list))
        {
            _list.MoveToLast(entry);
        }
    }

    public override CacheEntry? Victim() => _list.First;

    public override void Clear() => _list.Clear();
}
