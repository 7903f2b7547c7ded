using System;
using System.Linq;
using System.Text.RegularExpressions;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Reporting;
using RevitPerf.Core.Tests.Journals;

namespace RevitPerf.Core.Tests.Reporting;

public class PerformanceReportTests
{
    private static PerformanceReport NewReport(string title = "Nightly") => new(title, ReportFixtures.Environment, new DateTime(2026, 11, 30, 8, 0, 0));

    [Fact]
    public void WhenOnlyBenchmarksAreGiven_OnlyTheSummaryAndBenchmarkSectionsAreWritten()
    {
        var report = NewReport();
        Assert.True(report.Add(ReportFixtures.Result("Simple", 1_000_000)));
        Assert.Equal(new[] { "summary", "benchmarks" }, report.Sections.Select(s => s.Id));
        var html = report.ToHtml();
        Assert.Equal(2, Regex.Matches(html, "<section ").Count);
        Assert.Equal(2, Regex.Matches(html, "<svg class=\"chart\"").Count); // its distribution and its timeline
        Assert.DoesNotContain("id=\"memory\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAnObjectIsOfNoKindTheReportShows_ItIsRefused()
    {
        var report = NewReport();
        Assert.False(report.Add("a string"));
        Assert.False(report.Add(42));
        Assert.Equal(0, report.Count);
    }

    [Fact]
    public void WhenNamesHoldMarkup_TheyAreEscapedEverywhere()
    {
        var report = NewReport("<b>title</b>");
        report.Add(ReportFixtures.Result("<img src=x onerror=alert(1)>", 1_000_000, targets: new BenchmarkTargets { LatencyMs = 0.1 }));
        var html = report.ToHtml();
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>title</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheReportIsWritten_ItAsksForNothingOverTheNetwork()
    {
        var report = NewReport();
        report.Add(ReportFixtures.Result("Simple", 1_000_000));
        var html = report.ToHtml();
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenABenchmarkHasATarget_ItsRowShowsTheFigureItIsJudgedByAndTheTarget()
    {
        var report = NewReport();
        var result = ReportFixtures.Result("Slow", 2_000_000, targets: new BenchmarkTargets { LatencyMs = 1, ThroughputOpsPerSec = 100 });
        report.Add(result);
        var html = report.ToHtml();
        Assert.Equal("MeanMs", result.JudgedBy);
        var row = Regex.Match(html, "<tr data-benchmark=\"Api/Slow\">(.*?)</tr>").Groups[1].Value;
        Assert.Contains("<td>MeanMs</td>", row, StringComparison.Ordinal);
        Assert.Contains($"data-v=\"{result.JudgedValue!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\"", row, StringComparison.Ordinal);
        Assert.Contains("<td data-v=\"1\">1</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"bad\">missed</td>", row, StringComparison.Ordinal);
        Assert.Contains("<ul id=\"missed\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenABaselineIsSet_EachBenchmarkShowsItsChangeWithAnIntervalAndTheSummaryCountsRegressions()
    {
        var report = NewReport();
        report.Add(ReportFixtures.Result("Doubled", 2_000_000, iterations: 60, seed: 2));
        report.Add(ReportFixtures.Result("Same", 1_000_000, iterations: 60, seed: 3));
        report.SetBaseline(new[]
        {
            BenchmarkSamples.From(ReportFixtures.Result("Doubled", 1_000_000, iterations: 60, seed: 4)),
            BenchmarkSamples.From(ReportFixtures.Result("Same", 1_000_000, iterations: 60, seed: 5)),
        });
        var html = report.ToHtml();
        var changes = Regex.Matches(html, "<p class=\"baseline\">.*?change <b data-v=\"([^\"]+)\">.*?\\(95 % CI ([^ ]+) % to ([^ ]+) %\\).*?class=\"verdict-(\\w+)\"").Cast<Match>().ToList();
        Assert.Equal(2, changes.Count);
        var doubled = double.Parse(changes[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(doubled, 80, 120);
        Assert.Equal("Slower", changes[0].Groups[4].Value);
        Assert.NotEqual("Slower", changes[1].Groups[4].Value);
        Assert.Contains("<b class=\"bad\">1</b>Regressions against the baseline", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAMonitorHistoryAndItsAlertsAreGiven_TheChartMarksTheAlertsAndTheGrowthIsFitted()
    {
        var report = NewReport();
        var start = new DateTime(2026, 11, 30, 1, 0, 0);
        foreach (var s in ReportFixtures.Snapshots("Revit", 360, 100, start))
        {
            report.Add(s);
        }

        report.Add(new PerformanceAlert { Monitor = "Revit", Kind = AlertKind.Growth, Severity = AlertSeverity.Warning, RaisedAt = start.AddMinutes(30), Value = 150, Threshold = 100, Message = "grows" });
        var html = report.ToHtml();
        Assert.Equal(new[] { "summary", "memory" }, report.Sections.Select(s => s.Id));
        Assert.Single(Regex.Matches(html, "class=\"marker alert\""));
        Assert.Matches("working set growth <b>(99|100|101)(\\.\\d+)? MB per hour</b>", html);
        Assert.Contains("<b class=\"warn\">1</b>Memory alerts", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenJournalSessionsAreGiven_CrashedOnesAreFlaggedAndEachGetsItsRamChart()
    {
        var report = NewReport();
        report.Add(JournalReader.ReadSession(JournalFixtures.PathOf(JournalFixtures.Revit2016)));
        report.Add(JournalReader.ReadSession(JournalFixtures.PathOf(JournalFixtures.Revit2025)));
        var html = report.ToHtml();
        var section = Regex.Match(html, "<section id=\"journals\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(2, Regex.Matches(section, "<svg class=\"chart\"").Count);
        Assert.Single(Regex.Matches(section, "<tr class=\"crashed\">"));
        Assert.Contains("class=\"marker open\"", section, StringComparison.Ordinal);
        Assert.Contains("class=\"marker slow\"", section, StringComparison.Ordinal);
        Assert.Contains("Bürogebäude", section, StringComparison.Ordinal);
        Assert.Contains("<table class=\"sortable\" id=\"journal-slowest\">", section, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAHundredBenchmarksOfAThousandSamplesAndTenThousandSnapshotsAreReported_ThePageStaysUnderFiveMegabytes()
    {
        var report = NewReport();
        for (var i = 0; i < 100; i++)
        {
            report.Add(ReportFixtures.Result($"Benchmark{i:000}", 1_000_000 + (i * 12_345), iterations: 1_000, seed: i));
        }

        foreach (var s in ReportFixtures.Snapshots("Revit", 10_000, 20, new DateTime(2026, 11, 29)))
        {
            report.Add(s);
        }

        var html = report.ToHtml();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) < 5 * 1024 * 1024, $"{html.Length:N0} characters");
        Assert.Equal(201, Regex.Matches(html, "<svg class=\"chart\"").Count);
    }
}
