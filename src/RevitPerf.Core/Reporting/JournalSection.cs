using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Journals;

namespace RevitPerf.Core.Reporting;

/// <summary>Revit sessions from their journals: a table (crashed sessions flagged), RAM over each session, the slowest steps.</summary>
internal static class JournalSection
{
    private const int SlowestRows = 25;

    internal static void Write(TextWriter w, ReportInputs inputs)
    {
        // Series rows given directly are charted per journal; sessions are read again for theirs.
        var sessions = inputs.Sessions;
        var byJournal = new Dictionary<string, JournalData>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in inputs.JournalMemory)
        {
            Data(byJournal, m.Path, m.Journal).Memory.Add(m);
        }

        foreach (var o in inputs.JournalOperations)
        {
            Data(byJournal, o.Path, o.Journal).Operations.Add(o);
        }

        foreach (var e in inputs.JournalEvents)
        {
            Data(byJournal, e.Path, e.Journal).Events.Add(e);
        }

        foreach (var session in sessions.Where(s => !byJournal.ContainsKey(s.Path)))
        {
            byJournal[session.Path] = Read(session);
        }

        if (sessions.Count == 0 && byJournal.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"journals\" data-section=\"journals\"><h2>Revit journals</h2>");
        if (sessions.Count > 0)
        {
            var crashed = sessions.Count(s => !s.EndedCleanly);
            w.Write($"<p>{sessions.Count} sessions, <b class=\"{(crashed > 0 ? "bad" : "ok")}\">{crashed} did not end cleanly</b> (crashed, killed or still running).</p>");
            w.Write("<table class=\"sortable\" id=\"journal-sessions\">");
            Html.HeaderRow(w, "Journal", "Revit", "Build", "Started", "Ended", "Hours", "Ended cleanly", "Models", "Commands", "Peak RAM MB", "Slowest step", "Seconds");
            w.Write("<tbody>");
            foreach (var s in sessions)
            {
                w.Write(s.EndedCleanly ? "<tr>" : "<tr class=\"crashed\">");
                Html.TextCell(w, s.Name);
                Html.TextCell(w, s.RevitVersion);
                Html.TextCell(w, s.Build);
                Html.TextCell(w, s.StartedAt is { } a ? Html.Time(a) : null);
                Html.TextCell(w, s.EndedAt is { } b ? Html.Time(b) : null);
                Html.NumberCell(w, s.Duration?.TotalHours);
                Html.TextCell(w, s.EndedCleanly ? "yes" : "no", s.EndedCleanly ? "ok" : "bad");
                Html.NumberCell(w, s.ModelsOpened);
                Html.NumberCell(w, s.Commands);
                Html.NumberCell(w, s.PeakRamMB);
                Html.TextCell(w, s.SlowestOperation);
                Html.NumberCell(w, s.SlowestOperationSeconds);
                w.Write("</tr>");
            }

            w.Write("</tbody></table>");
        }

        foreach (var data in byJournal.Values)
        {
            Session(w, data);
        }

        var slowest = byJournal.Values.SelectMany(d => d.Operations).OrderByDescending(o => o.Seconds).Take(SlowestRows).ToList();
        if (slowest.Count > 0)
        {
            w.Write("<h3>Slowest steps</h3><table class=\"sortable\" id=\"journal-slowest\">");
            Html.HeaderRow(w, "Journal", "Time", "Step", "Depth", "Seconds", "Marker", "Model");
            w.Write("<tbody>");
            foreach (var o in slowest)
            {
                w.Write("<tr>");
                Html.TextCell(w, o.Journal);
                Html.TextCell(w, o.Time is { } t ? Html.Time(t) : null);
                Html.TextCell(w, o.Name);
                Html.NumberCell(w, o.Depth);
                Html.NumberCell(w, o.Seconds);
                Html.TextCell(w, o.Marker);
                Html.TextCell(w, o.ModelPath);
                w.Write("</tr>");
            }

            w.Write("</tbody></table>");
        }

        w.Write("</section>");
    }

    private static JournalData Data(Dictionary<string, JournalData> map, string path, string name)
    {
        if (!map.TryGetValue(path, out var data))
        {
            map[path] = data = new JournalData(name);
        }

        return data;
    }

    private static JournalData Read(JournalSession session)
    {
        var data = new JournalData(session.Name);
        try
        {
            using var reader = new JournalReader(session.Path);
            foreach (var entry in reader.ReadEntries(JournalSeries.All))
            {
                switch (entry)
                {
                    case JournalMemorySample m: data.Memory.Add(m); break;
                    // The chart marks slow steps and the table lists the slowest: the many short ones are not kept.
                    case JournalOperation o when o.Slow || o.Seconds >= 1: data.Operations.Add(o); break;
                    case JournalEvent e when e.Kind is JournalEventKind.ModelOpened or JournalEventKind.ModelSaved: data.Events.Add(e); break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JournalFormatException)
        {
            data.Problem = ex.Message;
        }

        return data;
    }

    private static void Session(TextWriter w, JournalData data)
    {
        var samples = data.Memory.Where(m => m.Time is not null && m.RamUsedMB is not null).ToList();
        w.Write($"<h3>{Html.Escape(data.Name)}</h3>");
        if (data.Problem is not null)
        {
            w.Write($"<p class=\"bad\">Its journal could not be read again: {Html.Escape(data.Problem)}</p>");
            return;
        }

        if (samples.Count == 0)
        {
            w.Write("<p class=\"muted\">No memory figures with a time.</p>");
            return;
        }

        var origin = samples[0].Time!.Value;
        double At(DateTime t) => (t - origin).TotalSeconds;
        var spec = new ChartSpec($"{data.Name}: Revit's RAM over the session", "Time (Revit's clock)", "MB") { XScale = AxisScale.Time, TimeOrigin = origin };
        var used = new ChartSeries("RAM used", "s0");
        var peak = new ChartSeries("RAM peak", "s1");
        foreach (var s in samples)
        {
            used.Points.Add((At(s.Time!.Value), s.RamUsedMB!.Value));
            if (s.RamPeakMB is { } p)
            {
                peak.Points.Add((At(s.Time!.Value), p));
            }
        }

        spec.Series.Add(used);
        spec.Series.Add(peak);
        foreach (var e in data.Events.Where(e => e.Time is not null && e.Kind == JournalEventKind.ModelOpened))
        {
            spec.Markers.Add((At(e.Time!.Value), $"model opened at {Html.Time(e.Time!.Value)}: {e.Name}", "open"));
        }

        foreach (var o in data.Operations.Where(o => o.Slow && o.Time is not null).OrderByDescending(o => o.Seconds).Take(20))
        {
            spec.Markers.Add((At(o.Time!.Value), $"slow step at {Html.Time(o.Time!.Value)}: {o.Name}, {Html.Number(o.Seconds)} s", "slow"));
        }

        ReportFigure.Write(w, "journal-memory", x => SvgChart.WriteLineChart(x, spec), new[] { "Time", "RAM used MB", "RAM peak MB" }, samples.Count, x =>
        {
            foreach (var s in samples)
            {
                x.Write("<tr><td>");
                x.Write(Html.Time(s.Time!.Value));
                x.Write("<td>");
                x.Write(Html.Number(s.RamUsedMB));
                x.Write("<td>");
                x.Write(Html.Number(s.RamPeakMB));
                x.Write('\n');
            }
        });
    }

    private sealed class JournalData
    {
        internal JournalData(string name) => Name = name;

        internal string Name { get; }

        internal string? Problem { get; set; }

        internal List<JournalMemorySample> Memory { get; } = new();

        internal List<JournalOperation> Operations { get; } = new();

        internal List<JournalEvent> Events { get; } = new();
    }
}
