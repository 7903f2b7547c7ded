using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Storage;

namespace RevitPerf.Core.Tests.Storage;

/// <summary>Runs of made-up benchmarks: a series over days per machine, with noise and an optional planted step.</summary>
internal static class StorageFixtures
{
    public static readonly DateTime Start = new(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);

    public static ResultsRun Run(string machine, int index, double medianMs, string[]? tags = null, string name = "Open", string suite = "Api")
    {
        var samples = Enumerable.Range(0, 20).Select(i => medianMs * (0.98 + (0.002 * i))).ToArray();
        var benchmarks = new List<StoredBenchmark>
        {
            new(suite, name, medianMs, medianMs, medianMs * 1.02, 1000 / medianMs, 512, samples.Length, samples),
            new("Cache", "Hit", 0.001, 0.001, 0.0012, 1_000_000, null, 10, Enumerable.Repeat(0.001, 10).ToArray()),
        };
        var time = Start.AddHours(12 * index);
        return new ResultsRun(ResultsRun.IdOf(machine, time, benchmarks), time, machine, "ci", "7.6.9", "Core", "0.1.0", "2025", tags, benchmarks);
    }

    /// <summary>A series of <paramref name="count"/> runs with <paramref name="noisePercent"/> noise, stepping by <paramref name="stepPercent"/> at <paramref name="stepAt"/>.</summary>
    public static List<ResultsRun> Series(string machine, int count, double noisePercent, int stepAt = -1, double stepPercent = 0, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => Run(machine, i, 10 * (stepAt >= 0 && i >= stepAt ? 1 + (stepPercent / 100) : 1) * (1 + (noisePercent / 100 * ((2 * random.NextDouble()) - 1)))))
            .ToList();
    }
}
