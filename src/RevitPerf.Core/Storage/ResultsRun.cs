using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Storage;

/// <summary>
/// One run as a store keeps it: who ran what, where and when, with its tags and every benchmark with its samples. Its
/// <see cref="RunId"/> is derived from the run itself (machine, time and figures), so publishing the same run twice,
/// from a results file or from the objects, names the same run.
/// </summary>
public sealed class ResultsRun
{
    /// <summary>Creates a run.</summary>
    public ResultsRun(
        string runId, DateTime timeUtc, string machine, string user, string powerShellVersion, string powerShellEdition, string moduleVersion,
        string? revitVersion, IEnumerable<string>? tags, IReadOnlyList<StoredBenchmark> benchmarks)
    {
        RunId = runId ?? throw new ArgumentNullException(nameof(runId));
        TimeUtc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc);
        Machine = machine ?? string.Empty;
        User = user ?? string.Empty;
        PowerShellVersion = powerShellVersion ?? string.Empty;
        PowerShellEdition = powerShellEdition ?? string.Empty;
        ModuleVersion = moduleVersion ?? string.Empty;
        RevitVersion = string.IsNullOrWhiteSpace(revitVersion) ? null : revitVersion;
        Tags = (tags ?? Array.Empty<string>()).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ToArray();
        Benchmarks = benchmarks ?? throw new ArgumentNullException(nameof(benchmarks));
    }

    /// <summary>The run's id: 32 hex digits derived from its machine, time and figures.</summary>
    public string RunId { get; }

    /// <summary>When it ran (UTC).</summary>
    public DateTime TimeUtc { get; }

    /// <summary>The machine it ran on.</summary>
    public string Machine { get; }

    /// <summary>The user who ran it.</summary>
    public string User { get; }

    /// <summary>PowerShell's version.</summary>
    public string PowerShellVersion { get; }

    /// <summary>Core or Desktop.</summary>
    public string PowerShellEdition { get; }

    /// <summary>RevitPerf's version.</summary>
    public string ModuleVersion { get; }

    /// <summary>The Revit release, where known.</summary>
    public string? RevitVersion { get; }

    /// <summary>Free-form tags (a commit, a model set), sorted, without duplicates.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The benchmarks.</summary>
    public IReadOnlyList<StoredBenchmark> Benchmarks { get; }

    /// <summary>
    /// The runs among <paramref name="results"/>: results with the same machine and time stamp (one Invoke-RevitBenchmark)
    /// make one run.
    /// </summary>
    public static IReadOnlyList<ResultsRun> FromResults(IEnumerable<BenchmarkResult> results, string user, IEnumerable<string>? tags, string? revitVersion)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var tagList = tags?.ToList() ?? new List<string>();
        return results
            .GroupBy(r => (Machine: r.MachineName, Time: r.Timestamp.ToUniversalTime()))
            .Select(g =>
            {
                var first = g.First();
                var benchmarks = g.Select(StoredBenchmark.From).ToList();
                return new ResultsRun(IdOf(g.Key.Machine, g.Key.Time, benchmarks), g.Key.Time, g.Key.Machine, user, first.PowerShellVersion, first.PowerShellEdition, first.ModuleVersion, revitVersion, tagList, benchmarks);
            })
            .ToList();
    }

    /// <summary>The id of the run of <paramref name="benchmarks"/> on <paramref name="machine"/> at <paramref name="timeUtc"/>.</summary>
    public static string IdOf(string machine, DateTime timeUtc, IEnumerable<StoredBenchmark> benchmarks)
    {
        var text = new StringBuilder();
        text.Append(machine?.ToUpperInvariant()).Append('|').Append(timeUtc.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture));
        foreach (var b in (benchmarks ?? throw new ArgumentNullException(nameof(benchmarks))).OrderBy(b => b.Suite, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal))
        {
            text.Append('|').Append(b.Suite).Append('/').Append(b.Name).Append('=').Append(b.MeanMs.ToString("R", CultureInfo.InvariantCulture));
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
