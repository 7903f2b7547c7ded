using System;
using System.IO;
using System.Linq;
using System.Text;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Tests.Journals;

public sealed class JournalMemoryReportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "revitperf-journals-" + Guid.NewGuid().ToString("N"));

    public JournalMemoryReportTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WhenRamRisesSteadilyOverASession_TheReportFindsTheGrowthPerHourAndSuspectsALeak()
    {
        var path = Write("journal.0001.txt", ramAt: hour => 1000 + (120 * hour) + (hour % 2 == 0 ? 5 : -5));
        var report = JournalMemoryReport.Create(path);
        Assert.Equal("journal.0001.txt", report.Monitor);
        Assert.Equal(JournalMemoryReport.ProcessName, report.ProcessName);
        Assert.Equal(9, report.Samples);
        Assert.Equal(8, report.Hours, 9);
        Assert.Equal(120, report.GrowthMBPerHour, 0);
        Assert.Equal(MemoryTrend.Rising, report.Trend);
        Assert.True(report.LeakSuspected);
    }

    [Fact]
    public void WhenRamStaysLevel_TheReportIsStable()
    {
        var report = JournalMemoryReport.Create(Write("journal.0002.txt", ramAt: hour => 2000 + (hour % 2 == 0 ? 3 : -3)));
        Assert.Equal(MemoryTrend.Stable, report.Trend);
        Assert.False(report.LeakSuspected);
    }

    [Fact]
    public void WhenAJournalHasTooFewSamples_TheReportSaysItCannotBeMade()
    {
        var path = JournalFixtures.PathOf(JournalFixtures.Revit2025);
        Assert.Throws<ArgumentException>(() => JournalMemoryReport.Create(Write("journal.0003.txt", ramAt: _ => 100, hours: 1)));
        Assert.Equal(4, MemoryReportOf(path).Samples); // the truncated fifth has no RAM figure
    }

    [Fact]
    public void WhenAFolderHoldsJournalsAndOtherFiles_OnlyTheJournalsAreListedInNameOrder()
    {
        Write("journal.0010.txt", _ => 1);
        Write("journal.0002.txt", _ => 1);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_folder, "journal.0003.txt.d"));
        Assert.Equal(new[] { "journal.0002.txt", "journal.0010.txt" }, JournalLocations.JournalsIn(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WhenASampleHasNoTimeOrNoRam_ItIsNoSnapshot()
    {
        using var reader = new JournalReader(new MemoryStream(Encoding.ASCII.GetBytes("' 0:< Initial VM: Avail 1 MB, Used 2 MB; RAM: Avail 3 MB, Used 4 MB\n")), "j.txt");
        var sample = (JournalMemorySample)reader.ReadEntries().Single();
        Assert.Null(JournalMemoryReport.ToSnapshot(sample));
    }

    private static MemoryReport MemoryReportOf(string path) => JournalMemoryReport.Create(path);

    private string Write(string name, Func<int, double> ramAt, int hours = 8)
    {
        var text = new StringBuilder("'C 01-Mar-2025 08:00:00.000;   0:< started recording journal file\n");
        for (var hour = 0; hour <= hours; hour++)
        {
            text.Append("'C 01-Mar-2025 ").Append((8 + hour).ToString("00")).Append(":00:00.000;   0:< \n");
            text.Append("' 0:< ::").Append(hour).Append(":: Delta VM: Avail -1 -> 134000000 MB, Used 500 MB; RAM: Avail -1 -> 9000 MB, Used ")
                .Append(ramAt(hour)).Append(" MB\n");
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
