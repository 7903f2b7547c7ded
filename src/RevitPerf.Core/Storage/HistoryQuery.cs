using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Storage;

/// <summary>Which rows of the history to read: benchmark and machine patterns (wildcards), suites, a start time, tags that must all be there.</summary>
public sealed class HistoryQuery
{
    /// <summary>Benchmark name patterns (wildcards); empty means all.</summary>
    public IReadOnlyList<string> Names { get; set; } = Array.Empty<string>();

    /// <summary>Suite patterns (wildcards); empty means all.</summary>
    public IReadOnlyList<string> Suites { get; set; } = Array.Empty<string>();

    /// <summary>Machine patterns (wildcards); empty means all.</summary>
    public IReadOnlyList<string> Machines { get; set; } = Array.Empty<string>();

    /// <summary>Only runs at or after this time (UTC).</summary>
    public DateTime? SinceUtc { get; set; }

    /// <summary>Tags every run must carry.</summary>
    public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();

    internal bool MatchesRun(ResultsRun run) =>
        (SinceUtc is null || run.TimeUtc >= SinceUtc.Value)
        && Any(Machines, run.Machine)
        && Tags.All(t => run.Tags.Contains(t, StringComparer.OrdinalIgnoreCase));

    internal bool MatchesBenchmark(StoredBenchmark b) => Any(Names, b.Name) && Any(Suites, b.Suite);

    internal bool Matches(BenchmarkHistoryRow row, IReadOnlyList<string> tags) =>
        (SinceUtc is null || row.Time >= SinceUtc.Value)
        && Any(Machines, row.Machine) && Any(Names, row.Name) && Any(Suites, row.Suite)
        && Tags.All(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));

    private static bool Any(IReadOnlyList<string> patterns, string value) =>
        patterns.Count == 0 || patterns.Any(p => new WildcardMatcher(p, ignoreCase: true).IsMatch(value));
}
