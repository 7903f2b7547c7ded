using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Reporting;

/// <summary>
/// A self-contained HTML performance report: inline style, charts as inline SVG, a few lines of optional script, and a
/// content security policy that lets the page make no request. Add any mix of RevitPerf's results (benchmark results,
/// comparisons, scalability fits and their sizes, leak tests, memory snapshots, alerts, monitors and reports, journal
/// sessions and series, profiles, operation statistics); each kind that has data gets its section, each chart its
/// title, labelled axes and the table of its numbers.
/// </summary>
public sealed class PerformanceReport
{
    private readonly ReportInputs _inputs = new();
    private IReadOnlyList<BenchmarkSamples> _baseline = Array.Empty<BenchmarkSamples>();
    private BenchmarkComparer _comparer = new();

    /// <summary>Creates an empty report.</summary>
    public PerformanceReport(string title, BenchmarkEnvironment environment, DateTime generatedAt)
    {
        Title = string.IsNullOrWhiteSpace(title) ? "RevitPerf performance report" : title;
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        GeneratedAt = generatedAt;
    }

    /// <summary>The page's title.</summary>
    public string Title { get; }

    /// <summary>The machine and software the summary names.</summary>
    public BenchmarkEnvironment Environment { get; }

    /// <summary>When the report was written.</summary>
    public DateTime GeneratedAt { get; }

    /// <summary>Items added.</summary>
    public int Count => _inputs.Count;

    /// <summary>The sections the report will have (id and heading), in page order.</summary>
    public IReadOnlyList<(string Id, string Title)> Sections
    {
        get
        {
            var i = _inputs;
            var sections = new List<(string, string)> { ("summary", "Summary") };
            Add(sections, i.Benchmarks.Count > 0, "benchmarks", "Benchmarks");
            Add(sections, i.Comparisons.Count > 0, "comparisons", "Against the baseline");
            Add(sections, i.Fits.Count > 0 || i.SizeRows.Count > 0, "scalability", "Scalability");
            Add(sections, i.Snapshots.Count > 0 || i.MemoryReports.Count > 0 || i.Alerts.Count > 0, "memory", "Memory");
            Add(sections, i.Leaks.Count > 0, "leaks", "Leak tests");
            Add(sections, i.Sessions.Count > 0 || i.JournalMemory.Count > 0 || i.JournalOperations.Count > 0 || i.JournalEvents.Count > 0, "journals", "Revit journals");
            Add(sections, i.Profiles.Count > 0, "profiles", "Line profiles");
            Add(sections, i.Operations.Count > 0, "operations", "Operations");
            return sections;
        }
    }

    /// <summary>Adds one result; false when it is of no kind the report shows.</summary>
    public bool Add(object item) => item is not null && _inputs.Add(item);

    /// <summary>
    /// The baseline the benchmark results are compared with (a baseline file's samples, see
    /// <see cref="BenchmarkBaselineFile.Read"/>), by <paramref name="comparer"/> (its regression threshold and noise floor).
    /// </summary>
    public void SetBaseline(IReadOnlyList<BenchmarkSamples> baseline, BenchmarkComparer? comparer = null)
    {
        _baseline = baseline ?? throw new ArgumentNullException(nameof(baseline));
        _comparer = comparer ?? new BenchmarkComparer();
    }

    /// <summary>Writes the page.</summary>
    public void Write(TextWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        new HtmlReportWriter(this, _inputs, Changes()).Write(writer);
    }

    /// <summary>Writes the page to a string.</summary>
    public string ToHtml()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    private static void Add(List<(string, string)> sections, bool present, string id, string title)
    {
        if (present)
        {
            sections.Add((id, title));
        }
    }

    private Dictionary<BenchmarkResult, BaselineChange> Changes()
    {
        var changes = new Dictionary<BenchmarkResult, BaselineChange>();
        if (_baseline.Count == 0)
        {
            return changes;
        }

        foreach (var result in _inputs.Benchmarks)
        {
            var current = BenchmarkSamples.From(result);
            if (BenchmarkComparer.FindBaseline(_baseline, current) is not { } baseline)
            {
                continue;
            }

            var comparisons = _comparer.Compare(baseline, current);
            var latency = comparisons.FirstOrDefault(c => c.Metric == BenchmarkComparer.LatencyMetric);
            if (latency is null || MedianChange.Estimate(baseline.LatencyMs, current.LatencyMs) is not { } change)
            {
                continue;
            }

            changes[result] = new BaselineChange
            {
                BaselineMedianMs = latency.BaselineMedian,
                CurrentMedianMs = latency.CurrentMedian,
                ChangePercent = change.Percent,
                LowPercent = change.LowPercent,
                HighPercent = change.HighPercent,
                PValue = latency.PValue,
                Verdict = BenchmarkComparer.Summarize(comparisons).ToString(),
            };
        }

        return changes;
    }
}
