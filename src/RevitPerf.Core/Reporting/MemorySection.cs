using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Reporting;

/// <summary>Memory: each monitor's timeline with thresholds and alerts and its fitted growth; leak tests' retained-memory trend.</summary>
internal static class MemorySection
{
    internal static void Write(TextWriter w, ReportInputs inputs)
    {
        var histories = inputs.Snapshots.GroupBy(s => string.IsNullOrEmpty(s.Monitor) ? s.ProcessName : s.Monitor, StringComparer.OrdinalIgnoreCase).ToList();
        if (histories.Count == 0 && inputs.MemoryReports.Count == 0 && inputs.Alerts.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"memory\" data-section=\"memory\"><h2>Memory</h2>");
        var reports = new List<MemoryReport>(inputs.MemoryReports);
        foreach (var history in histories)
        {
            var snapshots = history.OrderBy(s => s.Timestamp).ToList();
            var monitor = inputs.Monitors.FirstOrDefault(m => string.Equals(m.Name, history.Key, StringComparison.OrdinalIgnoreCase));
            var alerts = inputs.Alerts.Where(a => string.Equals(a.Monitor, history.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            MemoryReport? report = null;
            try
            {
                report = MemoryReport.Create(history.Key, snapshots);
                if (!reports.Any(r => string.Equals(r.Monitor, history.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    reports.Add(report);
                }
            }
            catch (ArgumentException)
            {
                // Fewer than three snapshots, or all at one time: a timeline without a fitted growth.
            }

            Monitor(w, history.Key, snapshots, monitor, alerts, report);
        }

        if (reports.Count > 0)
        {
            w.Write("<h3>Growth</h3><table class=\"sortable\" id=\"memory-reports\">");
            Html.HeaderRow(w, "Monitor", "Process", "Samples", "Hours", "Peak MB", "Average MB", "Growth MB/h", "± MB/h", "Trend", "Leak suspected");
            w.Write("<tbody>");
            foreach (var r in reports)
            {
                w.Write("<tr>");
                Html.TextCell(w, r.Monitor);
                Html.TextCell(w, r.ProcessName);
                Html.NumberCell(w, r.Samples);
                Html.NumberCell(w, r.Hours);
                Html.NumberCell(w, r.PeakWorkingSetMB);
                Html.NumberCell(w, r.AverageWorkingSetMB);
                Html.NumberCell(w, r.GrowthMBPerHour);
                Html.NumberCell(w, r.GrowthErrorMBPerHour);
                Html.TextCell(w, r.Trend.ToString());
                Html.TextCell(w, r.LeakSuspected ? "yes" : "no", r.LeakSuspected ? "bad" : "ok");
                w.Write("</tr>");
            }

            w.Write("</tbody></table>");
        }

        var unmatched = inputs.Alerts.Where(a => !histories.Any(h => string.Equals(h.Key, a.Monitor, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unmatched.Count > 0)
        {
            Alerts(w, unmatched);
        }

        w.Write("</section>");
    }

    internal static void WriteLeaks(TextWriter w, IReadOnlyList<LeakTestResult> leaks)
    {
        if (leaks.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"leaks\" data-section=\"leaks\"><h2>Leak tests</h2><table class=\"sortable\">");
        Html.HeaderRow(w, "Name", "Verdict", "Bytes per iteration", "± bytes", "r²", "Iterations", "MB per 1000 runs");
        w.Write("<tbody>");
        foreach (var leak in leaks)
        {
            w.Write("<tr>");
            Html.TextCell(w, leak.Name);
            Html.TextCell(w, leak.Verdict.ToString(), leak.Verdict == LeakVerdict.NoLeak ? "ok" : "bad");
            Html.NumberCell(w, leak.BytesPerIteration);
            Html.NumberCell(w, leak.BytesPerIterationError);
            Html.NumberCell(w, leak.RSquared);
            Html.NumberCell(w, leak.Iterations);
            Html.NumberCell(w, leak.ProjectedMBPer1000Runs);
            w.Write("</tr>");
        }

        w.Write("</tbody></table>");
        foreach (var leak in leaks)
        {
            var analysis = leak.GetAnalysis();
            var spec = new ChartSpec($"{leak.Name}: managed memory kept after each collection", "Iterations run", "Retained KB") { YFromZero = false };
            var kept = new ChartSeries("retained", "s0", asPoints: true);
            var fit = new ChartSeries($"fit: {Html.Number(leak.BytesPerIteration)} B per iteration", "s1 fit");
            for (var i = 0; i < analysis.Iterations.Count; i++)
            {
                kept.Points.Add((analysis.Iterations[i], analysis.RetainedBytes[i] / 1024));
                fit.Points.Add((analysis.Iterations[i], (analysis.Fit.Intercept + (analysis.Fit.Slope * analysis.Iterations[i])) / 1024));
            }

            spec.Series.Add(kept);
            spec.Series.Add(fit);
            w.Write($"<h3>{Html.Escape(leak.Name)}: {leak.Verdict}</h3>");
            ReportFigure.Write(w, "leak", x => SvgChart.WriteLineChart(x, spec), new[] { "Iterations", "Retained KB" }, analysis.Iterations.Count, x =>
            {
                for (var i = 0; i < analysis.Iterations.Count; i++)
                {
                    Html.NumberRow(x, analysis.Iterations[i], analysis.RetainedBytes[i] / 1024);
                }
            });
        }

        w.Write("</section>");
    }

    private static void Monitor(TextWriter w, string name, List<MemorySnapshot> snapshots, MonitorInfo? monitor, List<PerformanceAlert> alerts, MemoryReport? report)
    {
        var origin = snapshots[0].Timestamp;
        double At(DateTime t) => (t - origin).TotalSeconds;
        var spec = new ChartSpec($"{name}: memory over time", "Time", "MB") { XScale = AxisScale.Time, TimeOrigin = origin };
        var workingSet = new ChartSeries("working set", "s0");
        var privateBytes = new ChartSeries("private", "s1");
        var managed = new ChartSeries("managed heap", "s2");
        foreach (var s in snapshots)
        {
            workingSet.Points.Add((At(s.Timestamp), s.WorkingSetMB));
            privateBytes.Points.Add((At(s.Timestamp), s.PrivateMemoryMB));
            if (s.ManagedHeapMB is { } heap)
            {
                managed.Points.Add((At(s.Timestamp), heap));
            }
        }

        spec.Series.Add(workingSet);
        spec.Series.Add(privateBytes);
        if (managed.Points.Count > 0)
        {
            spec.Series.Add(managed);
        }

        if (monitor?.WarningThresholdMB is { } warning)
        {
            spec.Thresholds.Add((warning, "warning", "warning"));
        }

        if (monitor?.CriticalThresholdMB is { } critical)
        {
            spec.Thresholds.Add((critical, "critical", "critical"));
        }

        foreach (var alert in alerts.Where(a => a.RaisedAt >= origin))
        {
            spec.Markers.Add((At(alert.RaisedAt), $"{alert.Severity} {alert.Kind} at {Html.Time(alert.RaisedAt)}: {alert.Message}", "alert"));
        }

        w.Write($"<h3>{Html.Escape(name)}</h3><p>{snapshots.Count:N0} snapshots from {Html.Time(origin)} to {Html.Time(snapshots[snapshots.Count - 1].Timestamp)}");
        if (report is not null)
        {
            w.Write($"; working set growth <b>{Html.Number(report.GrowthMBPerHour)} MB per hour</b> (± {Html.Number(report.GrowthErrorMBPerHour)}, r² {Html.Number(report.GrowthRSquared)}), trend {report.Trend}{(report.LeakSuspected ? ", <b class=\"bad\">leak suspected</b>" : string.Empty)}");
        }

        w.Write($"; {alerts.Count} alerts.</p>");
        var hasHeap = managed.Points.Count > 0;
        ReportFigure.Write(w, "memory", x => SvgChart.WriteLineChart(x, spec), hasHeap ? new[] { "Time", "Working set MB", "Private MB", "Managed MB" } : new[] { "Time", "Working set MB", "Private MB" }, snapshots.Count, x =>
        {
            foreach (var s in snapshots)
            {
                x.Write("<tr><td>");
                x.Write(Html.Time(s.Timestamp));
                x.Write("<td>");
                x.Write(Html.Number(s.WorkingSetMB));
                x.Write("<td>");
                x.Write(Html.Number(s.PrivateMemoryMB));
                if (hasHeap)
                {
                    x.Write("<td>");
                    x.Write(Html.Number(s.ManagedHeapMB));
                }

                x.Write('\n');
            }
        });
        if (alerts.Count > 0)
        {
            Alerts(w, alerts);
        }
    }

    private static void Alerts(TextWriter w, List<PerformanceAlert> alerts)
    {
        w.Write("<table class=\"sortable alerts\">");
        Html.HeaderRow(w, "Raised", "Monitor", "Severity", "Kind", "Value", "Threshold", "Resolved", "Message");
        w.Write("<tbody>");
        foreach (var a in alerts)
        {
            w.Write("<tr>");
            Html.TextCell(w, Html.Time(a.RaisedAt));
            Html.TextCell(w, a.Monitor);
            Html.TextCell(w, a.Severity.ToString(), a.Severity == AlertSeverity.Critical ? "bad" : "warn");
            Html.TextCell(w, a.Kind.ToString());
            Html.NumberCell(w, a.Value);
            Html.NumberCell(w, a.Threshold);
            Html.TextCell(w, a.ResolvedAt is { } resolved ? Html.Time(resolved) : string.Empty);
            Html.TextCell(w, a.Message);
            w.Write("</tr>");
        }

        w.Write("</tbody></table>");
    }
}
