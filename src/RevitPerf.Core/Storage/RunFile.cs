using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RevitPerf.Core.Kernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RevitPerf.Core.Storage;

/// <summary>
/// A run as a JSON file (<c>revitperf_run_&lt;id&gt;.json</c>: the folder store's files and the spool's), and the
/// runs of a benchmark results file (<c>benchmark_results_*.json</c>, what every Invoke-RevitBenchmark writes).
/// </summary>
public static class RunFile
{
    /// <summary>The schema of run files.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The file name pattern of run files.</summary>
    public const string Pattern = "revitperf_run_*.json";

    /// <summary>The file name of a run.</summary>
    public static string FileNameOf(ResultsRun run) => $"revitperf_run_{(run ?? throw new ArgumentNullException(nameof(run))).RunId}.json";

    /// <summary>The JSON text of a run.</summary>
    public static string Serialize(ResultsRun run)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        var document = new List<KeyValuePair<string, object?>>
        {
            new("schema", "revitperf-run"),
            new("schema_version", SchemaVersion),
            new("run_id", run.RunId),
            new("time", run.TimeUtc),
            new("machine", run.Machine),
            new("user", run.User),
            new("powershell_version", run.PowerShellVersion),
            new("powershell_edition", run.PowerShellEdition),
            new("module_version", run.ModuleVersion),
            new("revit_version", run.RevitVersion),
            new("tags", run.Tags.ToList()),
            new("benchmarks", run.Benchmarks.Select(b => new List<KeyValuePair<string, object?>>
            {
                new("name", b.Name),
                new("suite", b.Suite),
                new("mean_ms", b.MeanMs),
                new("median_ms", b.MedianMs),
                new("p95_ms", b.P95Ms),
                new("ops_per_second", b.OpsPerSecond),
                new("allocated_bytes_per_op", b.AllocatedBytesPerOp),
                new("iterations", b.Iterations),
                new("samples_ms", b.SamplesMs.ToArray()),
            }).ToList()),
        };
        return StrictJson.Write(document);
    }

    /// <summary>
    /// The runs in a run file or a benchmark results file (whose benchmarks group into runs by machine and time).
    /// </summary>
    /// <exception cref="InvalidDataException">The text is neither, or is malformed; the message names <paramref name="path"/>.</exception>
    public static IReadOnlyList<ResultsRun> Parse(string path, string text)
    {
        if (YamlDepthGuard.FindTooDeep(text ?? string.Empty) is { } deep)
        {
            throw new InvalidDataException($"'{path}': {YamlDepthGuard.Describe(deep)}");
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text ?? string.Empty));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map ? map
                : throw new InvalidDataException($"'{path}' does not hold one JSON object.");
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"'{path}' is malformed JSON at line {ex.Start.Line}, column {ex.Start.Column}.", ex);
        }

        if (Child(root, "benchmarks") is not YamlSequenceNode list)
        {
            throw new InvalidDataException($"'{path}' has no 'benchmarks' list: it is neither a run nor a results file.");
        }

        if (Text(root, "schema") == "revitperf-run")
        {
            var benchmarks = list.Children.Select(n => Benchmark(path, n)).ToList();
            var runId = Text(root, "run_id") ?? throw new InvalidDataException($"'{path}' has no run_id.");
            return new[]
            {
                new ResultsRun(runId, Time(path, root, "time"), Text(root, "machine") ?? string.Empty, Text(root, "user") ?? string.Empty,
                    Text(root, "powershell_version") ?? string.Empty, Text(root, "powershell_edition") ?? string.Empty, Text(root, "module_version") ?? string.Empty,
                    Text(root, "revit_version"), (Child(root, "tags") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty), benchmarks),
            };
        }

        // A results file: each benchmark carries its time and environment.
        return list.Children.OfType<YamlMappingNode>()
            .Select(n => (Node: n, Benchmark: Benchmark(path, n), Time: Time(path, n, "timestamp"), Environment: Child(n, "environment") as YamlMappingNode))
            .GroupBy(x => (Machine: x.Environment is null ? string.Empty : Text(x.Environment, "machine") ?? string.Empty, x.Time))
            .Select(g =>
            {
                var env = g.First().Environment;
                var benchmarks = g.Select(x => x.Benchmark).ToList();
                return new ResultsRun(ResultsRun.IdOf(g.Key.Machine, g.Key.Time, benchmarks), g.Key.Time, g.Key.Machine, string.Empty,
                    env is null ? string.Empty : Text(env, "powershell_version") ?? string.Empty, env is null ? string.Empty : Text(env, "powershell_edition") ?? string.Empty,
                    env is null ? string.Empty : Text(env, "module_version") ?? string.Empty, null, null, benchmarks);
            })
            .ToList();
    }

    private static StoredBenchmark Benchmark(string path, YamlNode node)
    {
        if (node is not YamlMappingNode b || Text(b, "name") is not { Length: > 0 } name)
        {
            throw new InvalidDataException($"'{path}': the benchmark at line {node.Start.Line} has no name.");
        }

        var samples = (Child(b, "samples_ms") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => Number(path, s) ?? double.NaN).ToList() ?? new List<double>();
        return new StoredBenchmark(Text(b, "suite") ?? string.Empty, name, Value(path, b, "mean_ms") ?? 0, Value(path, b, "median_ms") ?? 0, Value(path, b, "p95_ms") ?? 0,
            Value(path, b, "ops_per_second") ?? 0, Value(path, b, "allocated_bytes_per_op"), (int)(Value(path, b, "iterations") ?? samples.Count), samples);
    }

    private static DateTime Time(string path, YamlMappingNode node, string key) =>
        Text(node, key) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw new InvalidDataException($"'{path}': '{key}' at line {node.Start.Line} is not a time.");

    private static double? Value(string path, YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode s ? Number(path, s) : null;

    private static double? Number(string path, YamlScalarNode s) =>
        s.Value is null || s.Value == "null" ? null
        : double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : throw new InvalidDataException($"'{path}': '{s.Value}' at line {s.Start.Line} is not a number.");

    private static string? Text(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: { } v } && v != "null" ? v : null;

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
