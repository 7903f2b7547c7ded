using System;

namespace RevitPerf.Core.Pooling;

/// <summary>A pool's counts at its last reset: its statistics report what happened since.</summary>
internal sealed class PoolBaseline
{
    public PoolBaseline(long borrowed, long returned, long created, long[] discarded, DateTime since)
    {
        Borrowed = borrowed;
        Returned = returned;
        Created = created;
        Discarded = discarded;
        Since = since;
    }

    public long Borrowed { get; }

    public long Returned { get; }

    public long Created { get; }

    public long[] Discarded { get; }

    public DateTime Since { get; }
}
