using System.Collections.Generic;

namespace RevitPerf.Core.Storage;

/// <summary>Where runs are kept: a folder of JSON files, or a PostgreSQL database shared by a fleet.</summary>
public interface IResultsStore
{
    /// <summary>What the store is, safe to show (a connection string's password is never in it).</summary>
    string Description { get; }

    /// <summary>Stores <paramref name="run"/> once: true when it was added, false when it was there already.</summary>
    bool Publish(ResultsRun run);

    /// <summary>
    /// Stores memory snapshots taken on <paramref name="machine"/> (each once: a snapshot is its monitor, process and
    /// time); returns how many were new.
    /// </summary>
    int PublishSnapshots(string machine, string user, IReadOnlyList<string> tags, IReadOnlyList<RevitPerf.Core.Memory.MemorySnapshot> snapshots);

    /// <summary>
    /// Stores a Revit session's journal summary from <paramref name="machine"/> (once per machine and journal; publishing
    /// it again refreshes it, as a session still running grows); true when it was new.
    /// </summary>
    bool PublishSession(string machine, string user, IReadOnlyList<string> tags, RevitPerf.Core.Journals.JournalSession session);

    /// <summary>The rows of the stored runs <paramref name="query"/> selects, oldest run first.</summary>
    IReadOnlyList<BenchmarkHistoryRow> ReadHistory(HistoryQuery query);
}
