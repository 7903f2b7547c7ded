using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Reporting;

/// <summary>The benchmarks: an overview table, then per benchmark its judged figure, distribution, timeline and baseline change.</summary>
internal static class BenchmarkSection
{
    private const int Bins = 20;

    internal static void Write(TextWriter w, IReadOnlyList<BenchmarkResult> results, IReadOnlyDictionary<BenchmarkResult, BaselineChange> changes)
    {
        w.Write("<section id=\"benchmarks\" data-section=\"benchmarks\"><h2>Benchmarks</h2>");
        w.Write("<table class=\"sortable\" id=\"benchmark-table\">");
        Html.HeaderRow(w, "Suite", "Name", "Judged by", "Measured", "Target", "Met", "Mean ms", "P95 ms", "Error ms", "Ops/s", "Iterations", "Baseline");
        w.Write("<tbody>");
        foreach (var r in results)
        {
            w.Write($"<tr data-benchmark=\"{Html.Escape(r.Suite + "/" + r.Name)}\">");
            Html.TextCell(w, r.Suite);
            w.Write($"<td><a href=\"#{Html.Id("b", r.Suite + "-" + r.Name)}\">{Html.Escape(r.Name)}</a></td>");
            Html.TextCell(w, r.JudgedBy);
            Html.NumberCell(w, r.JudgedValue);
            Html.NumberCell(w, r.JudgedTarget);
            Html.TextCell(w, Met(r), r.MetTargets ? "ok" : "bad");
            Html.NumberCell(w, r.MeanMs);
            Html.NumberCell(w, r.P95Ms);
            Html.NumberCell(w, r.ErrorMs);
            Html.NumberCell(w, r.OpsPerSecond);
            Html.NumberCell(w, r.Iterations);
            var verdict = changes.TryGetValue(r, out var change) ? change.Verdict : r.BaselineVerdict;
            Html.TextCell(w, verdict, verdict is null ? null : "verdict-" + verdict);
            w.Write("</tr>");
        }

        w.Write("</tbody></table>");
        foreach (var r in results)
        {
            Article(w, r, changes.TryGetValue(r, out var change) ? change : null);
        }

        w.Write("</section>");
    }

    internal static string Met(BenchmarkResult r) =>
        r.MetTargets ? (r.JudgedBy is null ? "ran" : "met") : (r.Error is not null || r.Iterations == 0 ? "failed" : "missed");

    private static void Article(TextWriter w, BenchmarkResult r, BaselineChange? change)
    {
        var samples = r.GetSamplesMs();
        w.Write($"<article id=\"{Html.Id("b", r.Suite + "-" + r.Name)}\"><h3>{Html.Escape(r.Suite)} / {Html.Escape(r.Name)}</h3><p>");
        if (r.JudgedBy is not null)
        {
            var floor = r.JudgedBy is "HitRatio" or "OpsPerSecond";
            w.Write($"Judged by <b>{Html.Escape(r.JudgedBy)}</b>: <b class=\"{(r.MetTargets ? "ok" : "bad")}\">{Html.Number(r.JudgedValue)}</b> against a target of {(floor ? "at least" : "at most")} {Html.Number(r.JudgedTarget)} ({Met(r)}). ");
        }

        w.Write($"Mean {Html.Number(r.MeanMs)} ms ± {Html.Number(r.ErrorMs)} ms (99 % CI), median {Html.Number(r.MedianMs)} ms, P95 {Html.Number(r.P95Ms)} ms over {r.Iterations:N0} iterations of {r.InvocationsPerIteration:N0} calls.");
        if (r.Error is not null)
        {
            w.Write($" <span class=\"bad\">Error: {Html.Escape(r.Error)}</span>");
        }

        w.Write("</p>");
        if (change is not null)
        {
            w.Write($"<p class=\"baseline\">Against the baseline: median {Html.Number(change.BaselineMedianMs)} ms → {Html.Number(change.CurrentMedianMs)} ms, change <b data-v=\"{Html.Exact(change.ChangePercent)}\">{change.ChangePercent:+0.0;-0.0;0.0} %</b> (95 % CI {change.LowPercent:+0.0;-0.0;0.0} % to {change.HighPercent:+0.0;-0.0;0.0} %), p = {Html.Number(change.PValue)}: <b class=\"verdict-{change.Verdict}\">{change.Verdict}</b>.</p>");
        }

        if (samples.Length > 0)
        {
            Histogram(w, r, samples);
            Timeline(w, r, samples);
        }

        w.Write("</article>");
    }

    private static void Histogram(TextWriter w, BenchmarkResult r, double[] samples)
    {
        var min = samples.Min();
        var max = samples.Max();
        var bins = max > min ? Math.Min(Bins, Math.Max(5, (int)Math.Ceiling(Math.Sqrt(samples.Length)))) : 1;
        var width = max > min ? (max - min) / bins : 1;
        var counts = new int[bins];
        foreach (var s in samples)
        {
            counts[Math.Min(bins - 1, (int)((s - min) / width))]++;
        }

        var bars = new List<(string Label, double Value, string Tooltip)>();
        for (var i = 0; i < bins; i++)
        {
            var from = min + (i * width);
            bars.Add((Html.Number(from), counts[i], $"{Html.Number(from)} to {Html.Number(from + width)} ms: {counts[i]} samples"));
        }

        ReportFigure.Write(w, "histogram",
            x => SvgChart.WriteBarChart(x, $"{r.Name}: distribution of {samples.Length:N0} samples", "Samples", "ms per operation (bin start)", bars, horizontal: false),
            new[] { "From ms", "To ms", "Samples" }, bins, x =>
            {
                for (var i = 0; i < bins; i++)
                {
                    Html.NumberRow(x, min + (i * width), min + ((i + 1) * width), counts[i]);
                }
            });
    }

    private static void Timeline(TextWriter w, BenchmarkResult r, double[] samples)
    {
        var spec = new ChartSpec($"{r.Name}: each iteration in run order", "Iteration", "ms per operation") { YFromZero = false };
        var series = new ChartSeries("ms per operation", "s0");
        for (var i = 0; i < samples.Length; i++)
        {
            series.Points.Add((i + 1, samples[i]));
        }

        spec.Series.Add(series);
        if (r.TargetLatencyMs is { } target)
        {
            spec.Thresholds.Add((target, "target", "target"));
        }

        ReportFigure.Write(w, "timeline", x => SvgChart.WriteLineChart(x, spec), new[] { "Iteration", "ms" }, samples.Length, x =>
        {
            for (var i = 0; i < samples.Length; i++)
            {
                ReportFigure.CompactRow(x, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), samples[i]);
            }
        });
    }
}
