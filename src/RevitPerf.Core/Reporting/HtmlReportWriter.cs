using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Reporting;

/// <summary>Writes the page: head with its style and policy, the summary, each section that has data, the script.</summary>
internal sealed class HtmlReportWriter
{
    private readonly PerformanceReport _report;
    private readonly ReportInputs _inputs;
    private readonly IReadOnlyDictionary<BenchmarkResult, BaselineChange> _changes;

    internal HtmlReportWriter(PerformanceReport report, ReportInputs inputs, IReadOnlyDictionary<BenchmarkResult, BaselineChange> changes)
    {
        _report = report;
        _inputs = inputs;
        _changes = changes;
    }

    internal void Write(TextWriter w)
    {
        w.Write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportStyle.ContentSecurityPolicy}\"><meta name=\"color-scheme\" content=\"light dark\">");
        w.Write($"<meta name=\"generator\" content=\"RevitPerf {Html.Escape(_report.Environment.ModuleVersion)}\"><title>{Html.Escape(_report.Title)}</title><style>{ReportStyle.Css}</style></head><body>");
        w.Write($"<header><h1>{Html.Escape(_report.Title)}</h1><p class=\"muted\">Written {Html.Time(_report.GeneratedAt)} on {Html.Escape(_report.Environment.MachineName)} by RevitPerf {Html.Escape(_report.Environment.ModuleVersion)}</p><nav>");
        foreach (var (id, title) in _report.Sections)
        {
            w.Write($"<a href=\"#{id}\">{Html.Escape(title)}</a>");
        }

        w.Write("</nav></header><main>");
        Summary(w);
        if (_inputs.Benchmarks.Count > 0)
        {
            BenchmarkSection.Write(w, _inputs.Benchmarks, _changes);
        }

        AnalysisSections.WriteComparisons(w, _inputs.Comparisons);
        AnalysisSections.WriteScalability(w, _inputs.Fits, _inputs.SizeRows);
        MemorySection.Write(w, _inputs);
        MemorySection.WriteLeaks(w, _inputs.Leaks);
        JournalSection.Write(w, _inputs);
        AnalysisSections.WriteProfiles(w, _inputs.Profiles);
        AnalysisSections.WriteOperations(w, _inputs.Operations);
        w.Write($"</main><script>{ReportStyle.Script}</script></body></html>");
    }

    private void Summary(TextWriter w)
    {
        var env = _report.Environment;
        w.Write("<section id=\"summary\" data-section=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        var results = _inputs.Benchmarks;
        if (results.Count > 0)
        {
            var met = results.Count(r => r.MetTargets);
            Card(w, "targets-met", "Benchmarks meeting their targets", $"{met} of {results.Count}", met == results.Count ? "ok" : "bad");
        }

        var regressions = Regressions();
        if (results.Count > 0 || _inputs.Comparisons.Count > 0)
        {
            Card(w, "regressions", "Regressions against the baseline", regressions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), regressions.Count == 0 ? "ok" : "bad");
        }

        if (_inputs.Alerts.Count > 0)
        {
            Card(w, "alerts", "Memory alerts", _inputs.Alerts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), _inputs.Alerts.Any(a => a.Severity == AlertSeverity.Critical) ? "bad" : "warn");
        }

        if (_inputs.Leaks.Count > 0)
        {
            var leaking = _inputs.Leaks.Count(l => l.Verdict != LeakVerdict.NoLeak);
            Card(w, "leaks", "Leak tests suspecting a leak", $"{leaking} of {_inputs.Leaks.Count}", leaking == 0 ? "ok" : "bad");
        }

        if (_inputs.Sessions.Count > 0)
        {
            var crashed = _inputs.Sessions.Count(s => !s.EndedCleanly);
            Card(w, "crashed", "Revit sessions that did not end cleanly", $"{crashed} of {_inputs.Sessions.Count}", crashed == 0 ? "ok" : "bad");
        }

        w.Write("</div><dl class=\"env\">");
        Pair(w, "Machine", env.MachineName);
        Pair(w, "Operating system", env.OS);
        Pair(w, "PowerShell", $"{env.PowerShellVersion} ({env.PowerShellEdition})");
        Pair(w, ".NET", env.Runtime);
        Pair(w, "Processors", env.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Pair(w, "RevitPerf", env.ModuleVersion);
        Pair(w, "Written", Html.Time(_report.GeneratedAt));
        w.Write("</dl>");
        var missed = results.Where(r => !r.MetTargets).ToList();
        if (missed.Count > 0)
        {
            w.Write("<h3>Missed targets</h3><ul id=\"missed\">");
            foreach (var r in missed)
            {
                w.Write($"<li><a href=\"#{Html.Id("b", r.Suite + "-" + r.Name)}\">{Html.Escape(r.Suite)}/{Html.Escape(r.Name)}</a>: ");
                w.Write(r.JudgedBy is null ? Html.Escape(r.Error ?? "no successful iteration") : $"{Html.Escape(r.JudgedBy)} {Html.Number(r.JudgedValue)} against {Html.Number(r.JudgedTarget)}");
                w.Write("</li>");
            }

            w.Write("</ul>");
        }

        if (regressions.Count > 0)
        {
            w.Write("<h3>Regressions</h3><ul id=\"regression-list\">");
            foreach (var line in regressions)
            {
                w.Write($"<li class=\"bad\">{Html.Escape(line)}</li>");
            }

            w.Write("</ul>");
        }

        w.Write("</section>");
    }

    private List<string> Regressions()
    {
        var lines = new List<string>();
        foreach (var r in _inputs.Benchmarks)
        {
            if (_changes.TryGetValue(r, out var change) ? change.Verdict == "Slower" : r.BaselineVerdict == "Slower")
            {
                var percent = change?.ChangePercent ?? r.BaselineChangePercent;
                lines.Add($"{r.Suite}/{r.Name}: slower by {percent:0.0} %");
            }
        }

        foreach (var c in _inputs.Comparisons.Where(c => c.Verdict == ComparisonVerdict.Slower))
        {
            lines.Add($"{c.Suite}/{c.Benchmark} {c.Metric}: {c.ChangePercent:+0.0;-0.0} % ({c.Severity})");
        }

        return lines;
    }

    private static void Card(TextWriter w, string id, string label, string value, string css) =>
        w.Write($"<div class=\"card\" id=\"card-{id}\"><b class=\"{css}\">{Html.Escape(value)}</b>{Html.Escape(label)}</div>");

    private static void Pair(TextWriter w, string term, string? value) =>
        w.Write($"<dt>{Html.Escape(term)}</dt><dd>{Html.Escape(value)}</dd>");
}
