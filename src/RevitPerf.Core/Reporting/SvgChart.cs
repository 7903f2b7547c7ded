using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RevitPerf.Core.Reporting;

/// <summary>
/// Charts as inline SVG: a title, axes with their units, a legend, and native tooltips (SVG titles, which work with
/// scripting off). Colours come from CSS classes, so light, dark and print styles apply.
/// </summary>
internal static class SvgChart
{
    internal const int Width = 720;
    internal const int Height = 300;

    // A line of more points than a chart has pixels draws nothing more: it is thinned to each bucket's extremes.
    private const int MaxLinePoints = 1200;
    private const int MaxMarkedPoints = 80;
    private const double Left = 70;
    private const double Right = 16;
    private const double Top = 40;
    private const double Bottom = 46;

    internal static void WriteLineChart(TextWriter w, ChartSpec spec)
    {
        var points = spec.Series.SelectMany(s => s.Points).Where(p => Usable(p.X, spec.XScale) && Usable(p.Y, spec.YScale)).ToList();
        // A threshold far above the data would flatten it against the axis: it is left out (the text names it).
        var top = points.Count > 0 ? points.Max(p => p.Y) : 0;
        var thresholds = spec.Thresholds.Where(t => Usable(t.Y, spec.YScale) && t.Y <= top * 2).ToList();
        var ys = points.Select(p => p.Y).Concat(thresholds.Select(t => t.Y)).ToList();
        var xs = points.Select(p => p.X).Concat(spec.Markers.Select(m => m.X)).ToList();
        if (ys.Count == 0 || xs.Count == 0)
        {
            return;
        }

        var x = Axis(spec.XScale, xs.Min(), xs.Max(), fromZero: false);
        var yMin = spec.YFromZero && spec.YScale == AxisScale.Linear ? Math.Min(0, ys.Min()) : ys.Min();
        var y = Axis(spec.YScale, yMin, ys.Max(), fromZero: spec.YFromZero);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Px(double v) => Left + (plotW * Fraction(spec.XScale, x.Min, x.Max, v));
        double Py(double v) => Top + plotH - (plotH * Fraction(spec.YScale, y.Min, y.Max, v));

        Open(w, spec.Title);
        w.Write("<g class=\"grid\">");
        foreach (var tick in y.Values)
        {
            var py = Py(tick);
            w.Write($"<line x1=\"{C(Left)}\" x2=\"{C(Left + plotW)}\" y1=\"{C(py)}\" y2=\"{C(py)}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(Left - 6)}\" y=\"{C(py + 4)}\" text-anchor=\"end\">{Html.Number(tick)}</text>");
        }

        foreach (var tick in x.Values)
        {
            var px = Px(tick);
            w.Write($"<line x1=\"{C(px)}\" x2=\"{C(px)}\" y1=\"{C(Top)}\" y2=\"{C(Top + plotH)}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(px)}\" y=\"{C(Top + plotH + 16)}\" text-anchor=\"middle\">{Html.Escape(TickLabel(spec, tick, x.Max - x.Min))}</text>");
        }

        w.Write("</g>");
        AxisLabels(w, spec.XLabel, spec.YLabel, plotW, plotH);
        foreach (var (value, label, css) in thresholds)
        {
            var py = Py(value);
            w.Write($"<g class=\"threshold {css}\"><title>{Html.Escape(label)}: {Html.Number(value)}</title><line x1=\"{C(Left)}\" x2=\"{C(Left + plotW)}\" y1=\"{C(py)}\" y2=\"{C(py)}\"/>");
            w.Write($"<text x=\"{C(Left + plotW - 4)}\" y=\"{C(py - 4)}\" text-anchor=\"end\">{Html.Escape(label)}</text></g>");
        }

        for (var i = 0; i < spec.Series.Count; i++)
        {
            var series = spec.Series[i];
            var usable = series.Points.Where(p => Usable(p.X, spec.XScale) && Usable(p.Y, spec.YScale)).ToList();
            w.Write($"<g class=\"series {series.CssClass}\" data-series=\"{i}\">");
            if (series.AsPoints || usable.Count == 1)
            {
                foreach (var p in usable)
                {
                    w.Write($"<circle cx=\"{C(Px(p.X))}\" cy=\"{C(Py(p.Y))}\" r=\"3\"><title>{Html.Escape(series.Name)}: {Html.Escape(PointLabel(spec, p))}</title></circle>");
                }
            }
            else
            {
                w.Write("<polyline points=\"");
                foreach (var p in Thin(usable))
                {
                    w.Write(C(Px(p.X)));
                    w.Write(',');
                    w.Write(C(Py(p.Y)));
                    w.Write(' ');
                }

                w.Write("\"/>");
                if (usable.Count <= MaxMarkedPoints)
                {
                    foreach (var p in usable)
                    {
                        w.Write($"<circle class=\"dot\" cx=\"{C(Px(p.X))}\" cy=\"{C(Py(p.Y))}\" r=\"2.5\"><title>{Html.Escape(series.Name)}: {Html.Escape(PointLabel(spec, p))}</title></circle>");
                    }
                }
            }

            w.Write("</g>");
        }

        foreach (var (value, label, css) in spec.Markers)
        {
            var px = Px(value);
            w.Write($"<g class=\"marker {css}\"><title>{Html.Escape(label)}</title><line x1=\"{C(px)}\" x2=\"{C(px)}\" y1=\"{C(Top)}\" y2=\"{C(Top + plotH)}\"/><path d=\"M{C(px - 4)},{C(Top)} l4,6 l4,-6 z\"/></g>");
        }

        Legend(w, spec.Series.Select(s => (s.Name, s.CssClass)).ToList());
        w.Write("</svg>");
    }

    /// <summary>A bar chart: vertical bars over categories (a histogram), or horizontal bars with long labels beside them.</summary>
    internal static void WriteBarChart(TextWriter w, string title, string valueLabel, string categoryLabel, IReadOnlyList<(string Label, double Value, string Tooltip)> bars, bool horizontal)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var axis = Ticks.Linear(0, Math.Max(bars.Max(b => b.Value), 0));
        if (!horizontal)
        {
            var plotW = Width - Left - Right;
            var plotH = Height - Top - Bottom;
            Open(w, title);
            ValueGrid(w, axis.Values, v => Top + plotH - (plotH * v / axis.Max), plotW);
            AxisLabels(w, categoryLabel, valueLabel, plotW, plotH);
            var slot = plotW / bars.Count;
            w.Write("<g class=\"series bars s0\">");
            for (var i = 0; i < bars.Count; i++)
            {
                var h = plotH * bars[i].Value / axis.Max;
                w.Write($"<rect x=\"{C(Left + (i * slot) + 1)}\" y=\"{C(Top + plotH - h)}\" width=\"{C(Math.Max(1, slot - 2))}\" height=\"{C(h)}\"><title>{Html.Escape(bars[i].Tooltip)}</title></rect>");
            }

            w.Write("</g>");
            var every = Math.Max(1, (int)Math.Ceiling(bars.Count / 8.0));
            for (var i = 0; i < bars.Count; i += every)
            {
                w.Write($"<text class=\"tick\" x=\"{C(Left + (i * slot) + (slot / 2))}\" y=\"{C(Top + plotH + 16)}\" text-anchor=\"middle\">{Html.Escape(bars[i].Label)}</text>");
            }

            w.Write("</svg>");
            return;
        }

        const double labelWidth = 300;
        const double row = 22;
        var height = Top + (bars.Count * row) + Bottom;
        var plot = Width - labelWidth - Right;
        Open(w, title, height);
        w.Write("<g class=\"grid\">");
        foreach (var tick in axis.Values)
        {
            var px = labelWidth + (plot * tick / axis.Max);
            w.Write($"<line x1=\"{C(px)}\" x2=\"{C(px)}\" y1=\"{C(Top)}\" y2=\"{C(height - Bottom)}\"/><text class=\"tick\" x=\"{C(px)}\" y=\"{C(height - Bottom + 16)}\" text-anchor=\"middle\">{Html.Number(tick)}</text>");
        }

        w.Write("</g>");
        w.Write($"<text class=\"axis\" x=\"{C(labelWidth + (plot / 2))}\" y=\"{C(height - 8)}\" text-anchor=\"middle\">{Html.Escape(valueLabel)}</text>");
        w.Write("<g class=\"series bars s0\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var top = Top + (i * row);
            var label = bars[i].Label.Length > 46 ? bars[i].Label.Substring(0, 45) + "…" : bars[i].Label;
            w.Write($"<text class=\"label\" x=\"{C(labelWidth - 6)}\" y=\"{C(top + 15)}\" text-anchor=\"end\">{Html.Escape(label)}</text>");
            w.Write($"<rect x=\"{C(labelWidth)}\" y=\"{C(top + 3)}\" width=\"{C(Math.Max(1, plot * bars[i].Value / axis.Max))}\" height=\"{C(row - 6)}\"><title>{Html.Escape(bars[i].Tooltip)}</title></rect>");
        }

        w.Write("</g></svg>");
    }

    private static void Open(TextWriter w, string title, double height = Height)
    {
        w.Write($"<svg class=\"chart\" viewBox=\"0 0 {Width} {C(height)}\" role=\"img\" aria-label=\"{Html.Escape(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        w.Write($"<title>{Html.Escape(title)}</title><text class=\"title\" x=\"{C(Left)}\" y=\"18\">{Html.Escape(title)}</text>");
    }

    private static void ValueGrid(TextWriter w, List<double> ticks, Func<double, double> position, double plotW)
    {
        w.Write("<g class=\"grid\">");
        foreach (var tick in ticks)
        {
            var p = position(tick);
            w.Write($"<line x1=\"{C(Left)}\" x2=\"{C(Left + plotW)}\" y1=\"{C(p)}\" y2=\"{C(p)}\"/><text class=\"tick\" x=\"{C(Left - 6)}\" y=\"{C(p + 4)}\" text-anchor=\"end\">{Html.Number(tick)}</text>");
        }

        w.Write("</g>");
    }

    private static void AxisLabels(TextWriter w, string xLabel, string yLabel, double plotW, double plotH)
    {
        w.Write($"<text class=\"axis\" x=\"{C(Left + (plotW / 2))}\" y=\"{C(Height - 8)}\" text-anchor=\"middle\">{Html.Escape(xLabel)}</text>");
        w.Write($"<text class=\"axis\" transform=\"translate(14 {C(Top + (plotH / 2))}) rotate(-90)\" text-anchor=\"middle\">{Html.Escape(yLabel)}</text>");
    }

    private static void Legend(TextWriter w, List<(string Name, string Css)> entries)
    {
        if (entries.Count < 2)
        {
            return;
        }

        var x = Width - Right;
        w.Write("<g class=\"legend\">");
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var width = 22 + (entries[i].Name.Length * 6.5);
            x -= width;
            w.Write($"<g class=\"item {entries[i].Css}\" data-series=\"{i}\" tabindex=\"0\"><rect x=\"{C(x)}\" y=\"24\" width=\"12\" height=\"4\"/><text x=\"{C(x + 16)}\" y=\"30\">{Html.Escape(entries[i].Name)}</text></g>");
        }

        w.Write("</g>");
    }

    private static (double Min, double Max, List<double> Values) Axis(AxisScale scale, double min, double max, bool fromZero) => scale switch
    {
        AxisScale.Log => Ticks.Log(min, max),
        AxisScale.Time => Ticks.Time(min, max),
        _ => Ticks.Linear(min, max),
    };

    private static double Fraction(AxisScale scale, double min, double max, double v) =>
        scale == AxisScale.Log ? (Math.Log10(v) - Math.Log10(min)) / (Math.Log10(max) - Math.Log10(min)) : (v - min) / (max - min);

    private static bool Usable(double v, AxisScale scale) => !double.IsNaN(v) && !double.IsInfinity(v) && (scale != AxisScale.Log || v > 0);

    private static string TickLabel(ChartSpec spec, double tick, double span) =>
        spec.XScale != AxisScale.Time ? Html.Number(tick)
        : spec.TimeOrigin.AddSeconds(tick).ToString(span > 2 * 86400 ? "MM-dd HH:mm" : span >= 120 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static string PointLabel(ChartSpec spec, (double X, double Y) p) =>
        (spec.XScale == AxisScale.Time ? Html.Time(spec.TimeOrigin.AddSeconds(p.X)) : Html.Number(p.X)) + ", " + Html.Number(p.Y);

    private static IEnumerable<(double X, double Y)> Thin(List<(double X, double Y)> points)
    {
        if (points.Count <= MaxLinePoints)
        {
            return points;
        }

        var thinned = new List<(double X, double Y)>(MaxLinePoints);
        var buckets = MaxLinePoints / 2;
        for (var b = 0; b < buckets; b++)
        {
            var from = (int)((long)b * points.Count / buckets);
            var to = (int)((long)(b + 1) * points.Count / buckets);
            int low = from, high = from;
            for (var i = from; i < to; i++)
            {
                low = points[i].Y < points[low].Y ? i : low;
                high = points[i].Y > points[high].Y ? i : high;
            }

            thinned.Add(points[Math.Min(low, high)]);
            if (low != high)
            {
                thinned.Add(points[Math.Max(low, high)]);
            }
        }

        return thinned;
    }

    private static string C(double v) => Html.Coordinate(v);
}
