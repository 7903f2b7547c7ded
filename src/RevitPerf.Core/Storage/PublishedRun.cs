using System;

namespace RevitPerf.Core.Storage;

/// <summary>What publishing one run did: the run, and whether the store added it or had it already.</summary>
public sealed class PublishedRun
{
    internal PublishedRun(ResultsRun run, bool added, string store)
    {
        RunId = run.RunId;
        Time = run.TimeUtc;
        Machine = run.Machine;
        Benchmarks = run.Benchmarks.Count;
        Tags = string.Join(",", run.Tags);
        Added = added;
        Store = store;
    }

    /// <summary>The run.</summary>
    public string RunId { get; }

    /// <summary>When it ran (UTC).</summary>
    public DateTime Time { get; }

    /// <summary>The machine.</summary>
    public string Machine { get; }

    /// <summary>Benchmarks in it.</summary>
    public int Benchmarks { get; }

    /// <summary>Its tags, comma-separated.</summary>
    public string Tags { get; }

    /// <summary>True when the store added it; false when it had it already (publishing is idempotent).</summary>
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

        return new PublishedRun(run ?? throw new ArgumentNullException(nameof(run)), store.Publish(run), store.Description);
    }
}
