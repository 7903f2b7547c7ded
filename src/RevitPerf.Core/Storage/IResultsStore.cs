using System.Collections.Generic;

namespace RevitPerf.Core.Storage;

/// <summary>Where runs are kept: a folder of JSON files, or a PostgreSQL database shared by a fleet.</summary>
public interface IResultsStore
{
    /// <summary>What the store is, safe to show (a connection string's password is never in it).</summary>
    string Description { get; }

    /// <summary>Stores <paramref name="run"/> once: true when it was added, false when it was there already.</summary>
    bool Publish(ResultsRun run);

    /// <summary>The rows of the stored runs <paramref name="query"/> selects, oldest run first.</summary>
    IReadOnlyList<BenchmarkHistoryRow> ReadHistory(HistoryQuery query);
}
