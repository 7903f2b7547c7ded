using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RevitPerf.Core.Reporting;

namespace RevitPerf.Core.Tests.Reporting;

public class SvgChartTests
{
    [Fact]
    public void WhenALineChartIsWritten_ItHasItsTitleAxisLabelsLegendAndThresholds()
    {
        var spec = new ChartSpec("Memory <over> time", "Time", "MB");
        var a = new ChartSeries("working set", "s0");
        var b = new ChartSeries("private", "s1");
        for (var i = 0; i < 10; i++)
        {
            a.Points.Add((i, 100 + i));
            b.Points.Add((i, 150 + i));
        }

        spec.Series.Add(a);
        spec.Series.Add(b);
        spec.Thresholds.Add((200, "warning", "warning"));
        spec.Thresholds.Add((10_000, "critical", "critical")); // far above the data: left out
        var svg = Write(w => SvgChart.WriteLineChart(w, spec));
        Assert.StartsWith("<svg class=\"chart\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Memory &lt;over&gt; time</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">Time</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">MB</text>", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"threshold warning\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("critical", svg, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(svg, "class=\"item ").Count);
        Assert.Equal(2, Regex.Matches(svg, "<polyline").Count);
    }

    [Fact]
    public void WhenASeriesHasTenThousandPoints_ItIsThinnedToItsExtremesAndStaysSmall()
    {
        var spec = new ChartSpec("t", "x", "y");
        var series = new ChartSeries("s", "s0");
        for (var i = 0; i < 10_000; i++)
        {
            series.Points.Add((i, i == 5_000 ? 999 : i % 7));
        }

        spec.Series.Add(series);
        var svg = Write(w => SvgChart.WriteLineChart(w, spec));
        var points = Regex.Match(svg, "<polyline points=\"([^\"]*)\"").Groups[1].Value.Trim().Split(' ');
        Assert.InRange(points.Length, 600, 1200);
        Assert.True(svg.Length < 30_000, $"{svg.Length} characters");
        var ys = points.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(ys, y => y < 50); // the spike of 999, at the top of the plot, is kept
    }

    [Fact]
    public void WhenALogAxisMeetsZeroOrNegativeValues_TheyAreLeftOut()
    {
        var spec = new ChartSpec("t", "n", "ms") { XScale = AxisScale.Log, YScale = AxisScale.Log };
        var series = new ChartSeries("s", "s0", asPoints: true);
        series.Points.AddRange(new[] { (0.0, 1.0), (10.0, -1.0), (100.0, 2.0), (1000.0, 20.0) });
        spec.Series.Add(series);
        var svg = Write(w => SvgChart.WriteLineChart(w, spec));
        Assert.Equal(2, Regex.Matches(svg, "<circle").Count);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenBarsAreWritten_EachHasATooltip()
    {
        var bars = new[] { ("line 3: $x = 1", 12.5, "line 3 — 12.5 ms"), ("line 7: Sort-Object", 3.0, "line 7 — 3 ms") };
        var svg = Write(w => SvgChart.WriteBarChart(w, "Lines by self time", "ms", "Line", bars, horizontal: true));
        Assert.Equal(2, Regex.Matches(svg, "<rect x=").Count);
        Assert.Contains("<title>line 3 — 12.5 ms</title>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAChartHasNoUsablePoint_NothingIsWritten()
    {
        var spec = new ChartSpec("t", "x", "y");
        spec.Series.Add(new ChartSeries("s", "s0"));
        Assert.Equal(string.Empty, Write(w => SvgChart.WriteLineChart(w, spec)));
    }

    private static string Write(Action<TextWriter> write)
    {
        using var w = new StringWriter();
        write(w);
        return w.ToString();
    }
}
