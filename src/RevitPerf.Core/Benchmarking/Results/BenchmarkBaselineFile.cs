using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Statistics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Baseline files: strict JSON with a schema name and version, the environment and every benchmark's samples. The
/// reader also takes a results file (benchmark_results_*.json), which holds the same per-benchmark samples, so
/// either can serve as a baseline or as the current run. Results of the same benchmark from several runs are its
/// launches: a baseline pools their samples and keeps each launch's median (launch_medians_ms), which a comparison
/// uses to tell a regression from the spread between launches (see <see cref="ComparisonVerdict.Unsure"/>).
/// </summary>
public static class BenchmarkBaselineFile
{
    /// <summary>The schema name written into every baseline.</summary>
    public const string SchemaName = "RevitPerf.BenchmarkBaseline";

    /// <summary>The schema version this build writes and the newest it reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// Writes <paramref name="results"/> to <paramref name="path"/>. An existing file is replaced only when
    /// <paramref name="overwrite"/> is true; otherwise an <see cref="IOException"/> is thrown and the file is untouched.
    /// </summary>
    public static void Write(string path, IReadOnlyList<BenchmarkResult> results, DateTime created, bool overwrite) =>
        Write(path, results, Array.Empty<BenchmarkSamples>(), created, overwrite);

    /// <summary>
    /// Writes <paramref name="results"/> and <paramref name="saved"/> (benchmarks read from results or baseline files,
    /// each of earlier launches) to <paramref name="path"/> as one baseline: every benchmark met more than once has
    /// them all as its launches. An existing file is replaced only when <paramref name="overwrite"/> is true.
    /// </summary>
    public static void Write(string path, IReadOnlyList<BenchmarkResult> results, IReadOnlyList<BenchmarkSamples> saved, DateTime created, bool overwrite)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        if (saved is null)
        {
            throw new ArgumentNullException(nameof(saved));
        }

        var launches = results.Select(r => new Launch(r.Name, r.Suite, BenchmarkSamples.From(r), r))
            .Concat(saved.Select(s => new Launch(s.Name, s.Suite, s, null)));
        var first = results.FirstOrDefault();
        var document = new List<KeyValuePair<string, object?>>
        {
            new("schema", SchemaName),
            new("schema_version", SchemaVersion),
            new("created", created),
            new("environment", first is null ? null : new List<KeyValuePair<string, object?>>
            {
                new("machine", first.MachineName),
                new("powershell_version", first.PowerShellVersion),
                new("powershell_edition", first.PowerShellEdition),
                new("os", first.OS),
                new("module_version", first.ModuleVersion),
            }),
            new("benchmarks", launches
                .GroupBy(l => (Suite: l.Suite.ToUpperInvariant(), Name: l.Name.ToUpperInvariant()))
                .Select(g => Entry(g.ToList()))
                .ToList()),
        };

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var bytes = new UTF8Encoding(false).GetBytes(StrictJson.Write(document));
        using var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes, 0, bytes.Length);
    }

    // One benchmark's entry. One result is written whole. Several launches (results, or benchmarks read from files)
    // are pooled: their samples together, every launch's median kept for the spread a comparison allows, and every
    // result's full figures under 'runs' (a file's benchmarks keep theirs in that file).
    private static List<KeyValuePair<string, object?>> Entry(IReadOnlyList<Launch> launches)
    {
        var medians = launches.SelectMany(l => l.Samples.LaunchMediansMs).ToList();
        if (launches.Count == 1 && launches[0].Result is { } result)
        {
            var single = BenchmarkResultsFile.Benchmark(result);
            single.Add(new("launches", medians.Count));
            single.Add(new("launch_medians_ms", medians));
            return single;
        }

        var samples = launches.SelectMany(l => l.Samples.LatencyMs).ToList();
        return new List<KeyValuePair<string, object?>>
        {
            new("name", launches[0].Name),
            new("suite", launches[0].Suite),
            new("launches", medians.Count),
            new("median_ms", samples.Count > 0 ? SampleStatistics.From(samples).Median : null),
            new("timing_judged", launches.All(l => l.Samples.TimingJudged)),
            new("samples_ms", samples),
            new("allocated_bytes_samples", launches.SelectMany(l => l.Samples.AllocatedBytesPerOp).ToList()),
            new("launch_medians_ms", medians),
            new("runs", launches.Where(l => l.Result is not null).Select(l => BenchmarkResultsFile.Benchmark(l.Result!)).ToList()),
        };
    }

    /// <summary>Reads the benchmarks' samples from a baseline or results file; throws <see cref="BenchmarkFileException"/> when it is not one.</summary>
    public static IReadOnlyList<BenchmarkSamples> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BenchmarkFileException(path, ex.Message, ex);
        }

        return Parse(path, text);
    }

    /// <summary>Parses the text of a baseline or results file; <paramref name="path"/> names it in errors.</summary>
    public static IReadOnlyList<BenchmarkSamples> Parse(string path, string text)
    {
        // JSON is YAML 1.2, so the YAML parser the module already ships reads these files; no second parser needed.
        if (YamlDepthGuard.FindTooDeep(text ?? string.Empty) is { } deep)
        {
            throw new BenchmarkFileException(path, YamlDepthGuard.Describe(deep));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? string.Empty));
        }
        catch (YamlException ex)
        {
            throw new BenchmarkFileException(path, $"malformed JSON at line {ex.Start.Line}, column {ex.Start.Column}", ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new BenchmarkFileException(path, "the file must hold one JSON object");
        }

        if (Child(root, "schema_version") is YamlScalarNode version)
        {
            if (!int.TryParse(version.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw new BenchmarkFileException(path, $"schema_version '{version.Value}' is not a version number");
            }

            if (number > SchemaVersion)
            {
                throw new BenchmarkFileException(path, $"it was written with baseline schema {number}; this RevitPerf reads up to {SchemaVersion}. Update RevitPerf");
            }
        }

        if (Child(root, "benchmarks") is not YamlSequenceNode benchmarks)
        {
            throw new BenchmarkFileException(path, "it has no 'benchmarks' list; it is neither a baseline nor a results file");
        }

        var entries = new List<BenchmarkSamples>();
        foreach (var node in benchmarks.Children)
        {
            if (node is not YamlMappingNode benchmark || Text(benchmark, "name") is not { Length: > 0 } name)
            {
                throw new BenchmarkFileException(path, $"the benchmark at line {node.Start.Line} has no name");
            }

            var samples = Numbers(path, benchmark, "samples_ms")
                ?? throw new BenchmarkFileException(path, $"benchmark '{name}' has no 'samples_ms' list");
            if (samples.Count == 0)
            {
                throw new BenchmarkFileException(path, $"benchmark '{name}' has no samples in 'samples_ms' (line {benchmark.Start.Line}); nothing could be compared with it");
            }

            // A baseline names each launch's figure; a results file (one launch) has its rounds' medians instead.
            var launches = Numbers(path, benchmark, "launch_medians_ms");
            entries.Add(new BenchmarkSamples(
                name, Text(benchmark, "suite") ?? string.Empty, samples, Numbers(path, benchmark, "allocated_bytes_samples"),
                !string.Equals(Text(benchmark, "timing_judged"), "false", StringComparison.OrdinalIgnoreCase),
                launches is { Count: > 0 } ? launches : BenchmarkSamples.LaunchValue(Numbers(path, benchmark, "round_medians_ms"))));
        }

        CheckKind(path, root);
        return entries;
    }

    // A baseline names its schema; a results file (which serves as a baseline too) has the keys every run writes.
    private static void CheckKind(string path, YamlMappingNode root)
    {
        if (Child(root, "schema") is { } schema)
        {
            if (schema is not YamlScalarNode { Value: SchemaName })
            {
                throw new BenchmarkFileException(path, $"'schema' at line {schema.Start.Line} is not '{SchemaName}'; this is not a RevitPerf baseline");
            }
        }
        else if (Child(root, "timestamp") is null || Child(root, "config") is null)
        {
            throw new BenchmarkFileException(path, $"it has no 'schema' ('{SchemaName}') and is not a results file (no 'timestamp' and 'config'); it is neither");
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: var v } && v != "null" ? v : null;

    private static List<double>? Numbers(string path, YamlMappingNode node, string key)
    {
        if (Child(node, key) is not YamlSequenceNode list)
        {
            return null;
        }

        var numbers = new List<double>(list.Children.Count);
        foreach (var item in list.Children)
        {
            // A quoted "12" is text in JSON, not a number: the file was not written by RevitPerf.
            if (item is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
                || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new BenchmarkFileException(path, $"'{key}' at line {item.Start.Line} holds something that is not a number");
            }

            if (value < 0)
            {
                throw new BenchmarkFileException(path, $"'{key}' at line {item.Start.Line} holds {scalar.Value}: times and sizes cannot be negative");
            }

            numbers.Add(value);
        }

        return numbers;
    }

    private sealed class Launch
    {
        public Launch(string name, string suite, BenchmarkSamples samples, BenchmarkResult? result)
        {
            Name = name;
            Suite = suite;
            Samples = samples;
            Result = result;
        }

        public string Name { get; }

        public string Suite { get; }

        public BenchmarkSamples Samples { get; }

        public BenchmarkResult? Result { get; }
    }
}
