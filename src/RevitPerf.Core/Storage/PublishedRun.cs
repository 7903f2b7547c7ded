using System;

namespace RevitPerf.Core.Storage;

/// <summary>What publishing one record did: a benchmark run, a monitor's memory snapshots, or a journal session.</summary>
public sealed class PublishedRun
{
    internal PublishedRun(string kind, string id, DateTime time, string machine, int items, string tags, bool added, string store)
    {
        Kind = kind;
        RunId = id;
        Time = time;
        Machine = machine;
        Items = items;
        Tags = tags;
        Added = added;
        Store = store;
    }

    /// <summary>BenchmarkRun, MemorySnapshots or JournalSession.</summary>
    public string Kind { get; }

    /// <summary>The run's id; for snapshots and sessions, the id of what was published.</summary>
    public string RunId { get; }

    /// <summary>When it ran (UTC); for snapshots, the first one's time; for a session, its start as Revit wrote it.</summary>
    public DateTime Time { get; }

    /// <summary>The machine.</summary>
    public string Machine { get; }

    /// <summary>Benchmarks in the run, snapshots sent, or 1 for a session.</summary>
    public int Items { get; }

    /// <summary>Its tags, comma-separated.</summary>
    public string Tags { get; }

    /// <summary>
    /// True when the store added it; false when it had it already (publishing is idempotent). For snapshots: true when
    /// any was new.
    /// </summary>
    public bool Added { get; }

    /// <summary>The store (a connection string's password never shows).</summary>
    public string Store { get; }

    /// <summary>Publishes <paramref name="run"/> to <paramref name="store"/>.</summary>
    public static PublishedRun Publish(IResultsStore store, ResultsRun run)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        var added = store.Publish(run);
        return new PublishedRun("BenchmarkRun", run.RunId, run.TimeUtc, run.Machine, run.Benchmarks.Count, string.Join(",", run.Tags), added, store.Description);
    }

    /// <summary>Publishes one monitor's snapshots taken on <paramref name="machine"/>.</summary>
    public static PublishedRun PublishSnapshots(IResultsStore store, string machine, string user, System.Collections.Generic.IReadOnlyList<string> tags, System.Collections.Generic.IReadOnlyList<Memory.MemorySnapshot> snapshots)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (snapshots is null || snapshots.Count == 0)
        {
            throw new ArgumentException("There are no snapshots.", nameof(snapshots));
        }

        var added = store.PublishSnapshots(machine, user, tags, snapshots);
        return new PublishedRun("MemorySnapshots", RecordFile.SnapshotsId(machine, snapshots), snapshots[0].Timestamp, machine, added, string.Join(",", tags), added > 0, store.Description);
    }

    /// <summary>Publishes a journal session read on <paramref name="machine"/>.</summary>
    public static PublishedRun PublishSession(IResultsStore store, string machine, string user, System.Collections.Generic.IReadOnlyList<string> tags, Journals.JournalSession session)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        var added = store.PublishSession(machine, user, tags, session);
        return new PublishedRun("JournalSession", RecordFile.SessionId(machine, session), session.StartedAt ?? DateTime.MinValue, machine, 1, string.Join(",", tags), added, store.Description);
    }
}
