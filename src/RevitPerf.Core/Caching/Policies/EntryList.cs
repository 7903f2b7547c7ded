namespace RevitPerf.Core.Caching.Policies;

/// <summary>An intrusive doubly linked list of entries (through their Previous/Next fields): O(1) everything.</summary>
internal sealed class EntryList
{
    public CacheEntry? First { get; private set; }

    public CacheEntry? Last { get; private set; }

    public int Count { get; private set; }

    public void AddLast(CacheEntry entry)
    {
        entry.Owner = this;
        entry.Previous = Last;
        entry.Next = null;
        if (Last is null)
        {
            First = entry;
        }
        else
        {
            Last.Next = entry;
        }

        Last = entry;
        Count++;
    }

    public void Remove(CacheEntry entry)
    {
        if (entry.Previous is null)
        {
            First = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            Last = entry.Previous;
        }
        else
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Previous = entry.Next = null;
        entry.Owner = null;
        Count--;
    }

    public void MoveToLast(CacheEntry entry)
    {
        if (!ReferenceEquals(entry, Last))
        {
            Remove(entry);
            AddLast(entry);
        }
    }

    public void Clear()
    {
        First = Last = null;
        Count = 0;
    }
}
