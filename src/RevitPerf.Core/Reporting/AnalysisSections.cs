using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Metrics;
using RevitPerf.Core.Profiling;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Reporting;

/// <summary>Scalability fits, baseline comparisons given as rows, line profiles and operation metrics.</summary>
internal static class AnalysisSections
{
    private const int CurvePoints = 40;

    internal static void WriteScalability(TextWriter w, IReadOnlyList<ScalabilityResult> fits, IReadOnlyList<ScalabilitySizeResult> rows)
    {
        var groups = fits.Select(f => (Name: f.Name, Fit: (ScalabilityResult?)f, Rows: (IReadOnlyList<ScalabilitySizeResult>)f.GetSizes()))
            .Concat(rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => !fits.Any(f => string.Equals(f.Name, g.Key, StringComparison.OrdinalIgnoreCase)))
                .Select(g => (Name: g.Key, Fit: (ScalabilityResult?)null, Rows: (IReadOnlyList<ScalabilitySizeResult>)g.ToList())))
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"scalability\" data-section=\"scalability\"><h2>Scalability</h2>");
        foreach (var (name, fit, sizes) in groups)
        {
            var usable = sizes.Where(s => s.Error is null && s.ElementCount > 0 && s.MeanMs > 0).OrderBy(s => s.ElementCount).ToList();
            w.Write($"<h3>{Html.Escape(name)}</h3><p>");
            if (fit is not null)
            {
                w.Write($"Complexity <b>{fit.Complexity}</b> (r² {Html.Number(fit.ComplexityRSquared)}, {fit.Confidence:P0} of resamples agree); straight line {Html.Number(fit.SlopeMsPerElement)} ms per element, r² {Html.Number(fit.RSquared)}, {(fit.IsLinear ? "linear" : "not linear")}.");
                if (fit.Reason is not null)
                {
                    w.Write($" <span class=\"warn\">{Html.Escape(fit.Reason)}.</span>");
                }
            }

            w.Write("</p>");
            if (usable.Count == 0)
            {
                continue;
            }

            var spec = new ChartSpec($"{name}: time against element count (log-log)", "Elements", "ms per run") { XScale = AxisScale.Log, YScale = AxisScale.Log, YFromZero = false };
            var measured = new ChartSeries("measured mean", "s0", asPoints: true);
            measured.Points.AddRange(usable.Select(s => ((double)s.ElementCount, s.MeanMs)));
            spec.Series.Add(measured);
            if (fit is not null && fit.Complexity != ComplexityClass.Inconclusive && usable.Count >= 2 && Curve(fit.Complexity, usable) is { } curve)
            {
                spec.Series.Add(curve);
            }

            ReportFigure.Write(w, "scalability", x => SvgChart.WriteLineChart(x, spec), new[] { "Elements", "Mean ms", "Median ms", "P95 ms", "ms per element" }, usable.Count, x =>
            {
                foreach (var s in usable)
                {
                    Html.NumberRow(x, s.ElementCount, s.MeanMs, s.MedianMs, s.P95Ms, s.MsPerElement);
                }
            });
        }

        w.Write("</section>");
    }

    internal static void WriteComparisons(TextWriter w, IReadOnlyList<MetricComparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"comparisons\" data-section=\"comparisons\"><h2>Against the baseline</h2><table class=\"sortable\">");
        Html.HeaderRow(w, "Suite", "Benchmark", "Metric", "Baseline median", "Current median", "Change %", "p-value", "Verdict", "Severity");
        w.Write("<tbody>");
        foreach (var c in comparisons)
        {
            w.Write("<tr>");
            Html.TextCell(w, c.Suite);
            Html.TextCell(w, c.Benchmark);
            Html.TextCell(w, c.Metric);
            Html.NumberCell(w, c.BaselineMedian);
            Html.NumberCell(w, c.CurrentMedian);
            Html.NumberCell(w, c.ChangePercent);
            Html.NumberCell(w, c.PValue);
            Html.TextCell(w, c.Verdict.ToString(), "verdict-" + c.Verdict);
            Html.TextCell(w, c.Severity.ToString());
            w.Write("</tr>");
        }

        w.Write("</tbody></table></section>");
    }

    internal static void WriteProfiles(TextWriter w, IReadOnlyList<ScriptProfile> profiles)
    {
        if (profiles.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"profiles\" data-section=\"profiles\"><h2>Line profiles</h2>");
        foreach (var profile in profiles)
        {
            var top = profile.TopLines.Where(l => l.Hits > 0).OrderByDescending(l => l.SelfMs).ToList();
            w.Write($"<h3>{Html.Escape(profile.Name)}</h3><p>{Html.Number(profile.DurationMs)} ms over {profile.Repeat} run(s), {profile.Statements:N0} statements.</p>");
            if (top.Count == 0)
            {
                continue;
            }

            var bars = top.Select(l => ($"{l.Line}: {l.Text.Trim()}", l.SelfMs, $"line {l.Line}: {l.Text.Trim()} — self {Html.Number(l.SelfMs)} ms, total {Html.Number(l.TotalMs)} ms, {l.Hits:N0} hits")).ToList();
            ReportFigure.Write(w, "profile", x => SvgChart.WriteBarChart(x, $"{profile.Name}: lines by self time", "Self time, ms", "Line", bars, horizontal: true),
                new[] { "Line", "Text", "Hits", "Self ms", "Total ms" }, top.Count, x =>
                {
                    foreach (var l in top)
                    {
                        x.Write("<tr>");
                        Html.NumberCell(x, l.Line);
                        x.Write($"<td><code>{Html.Escape(l.Text.Trim())}</code></td>");
                        Html.NumberCell(x, l.Hits);
                        Html.NumberCell(x, l.SelfMs);
                        Html.NumberCell(x, l.TotalMs);
                        x.Write("</tr>");
                    }
                });
        }

        w.Write("</section>");
    }

    internal static void WriteOperations(TextWriter w, IReadOnlyList<OperationStatistics> operations)
    {
        if (operations.Count == 0)
        {
            return;
        }

        var ordered = operations.OrderByDescending(o => o.P95Ms).ToList();
        w.Write("<section id=\"operations\" data-section=\"operations\"><h2>Operations</h2>");
        var bars = ordered.Select(o => (o.Name, o.P95Ms, $"{o.Name}: P95 {Html.Number(o.P95Ms)} ms, mean {Html.Number(o.MeanMs)} ms, {o.Count:N0} runs")).ToList();
        ReportFigure.Write(w, "operations", x => SvgChart.WriteBarChart(x, "Operations by 95th percentile", "P95, ms", "Operation", bars, horizontal: true),
            new[] { "Name", "Count", "Failures", "Mean ms", "P50 ms", "P95 ms", "P99 ms", "Max ms", "Total ms" }, ordered.Count, x =>
            {
                foreach (var o in ordered)
                {
                    x.Write("<tr>");
                    Html.TextCell(x, o.Name);
                    Html.NumberCell(x, o.Count);
                    Html.NumberCell(x, o.Failures);
                    Html.NumberCell(x, o.MeanMs);
                    Html.NumberCell(x, o.P50Ms);
                    Html.NumberCell(x, o.P95Ms);
                    Html.NumberCell(x, o.P99Ms);
                    Html.NumberCell(x, o.MaxMs);
                    Html.NumberCell(x, o.TotalMs);
                    x.Write("</tr>");
                }
            });
        w.Write("</section>");
    }

    /// <summary>The class's curve a + b·f(n), least squares through the measured means, across the measured sizes.</summary>
    private static ChartSeries? Curve(ComplexityClass complexity, List<ScalabilitySizeResult> sizes)
    {
        Func<double, double> f = complexity switch
        {
            ComplexityClass.Constant => _ => 1,
            ComplexityClass.Logarithmic => n => Math.Log(n),
            ComplexityClass.Linear => n => n,
            ComplexityClass.Linearithmic => n => n * Math.Log(n),
            _ => n => n * n,
        };
        double a, b;
        if (complexity == ComplexityClass.Constant)
        {
            a = sizes.Average(s => s.MeanMs);
            b = 0;
        }
        else
        {
            var fit = LinearFit.Fit(sizes.Select(s => f(s.ElementCount)).ToList(), sizes.Select(s => s.MeanMs).ToList());
            a = fit.Intercept;
            b = fit.Slope;
        }

        var curve = new ChartSeries($"{complexity} fit", "s1 fit");
        var low = Math.Log10(sizes[0].ElementCount);
        var high = Math.Log10(sizes[sizes.Count - 1].ElementCount);
        for (var i = 0; i < CurvePoints; i++)
        {
            var n = Math.Pow(10, low + ((high - low) * i / (CurvePoints - 1)));
            var y = a + (b * f(n));
            if (y > 0)
            {
                curve.Points.Add((n, y));
            }
        }

        return curve.Points.Count >= 2 ? curve : null;
    }
}
