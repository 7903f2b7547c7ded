using System;
using System.IO;
using System.Linq;
using System.Text;
using RevitPerf.Core.Journals;

namespace RevitPerf.Core.Tests.Journals;

public class JournalReaderTests
{
    private static readonly DateTime Feb2 = new(2016, 2, 2);

    [Fact]
    public void WhenA2016JournalEndedCleanly_TheSessionSaysSoWithItsVersionBuildAndCounts()
    {
        var (session, _) = JournalFixtures.Read(JournalFixtures.Revit2016);
        Assert.Equal(JournalFixtures.Revit2016, session.Name);
        Assert.Equal("2016", session.RevitVersion);
        Assert.Equal("20150714_1515(x64)", session.Build);
        Assert.Equal(Feb2.Add(new TimeSpan(0, 9, 15, 2, 481)), session.StartedAt);
        Assert.Equal(Feb2.AddHours(9).AddMinutes(25), session.EndedAt);
        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2.481), session.Duration);
        Assert.True(session.EndedCleanly);
        Assert.Equal(1, session.ModelsOpened);
        Assert.Equal(1, session.ModelsSaved);
        Assert.Equal(2, session.Commands);
        Assert.Equal(1, session.Dialogs);
        Assert.Equal(4, session.MemorySamples);
        Assert.Equal(910, session.PeakRamMB);
        Assert.Equal(712, session.PeakVmMB); // the VM Statistics block's peak is above every Delta line's
        Assert.Equal(16281, session.TotalRamMB);
        Assert.Equal(4, session.Operations);
        Assert.Equal(3, session.SlowOperations);
        Assert.Equal("standardOpenDocumentFile", session.SlowestOperation);
        Assert.Equal(14.002871, session.SlowestOperationSeconds!.Value, 6);
        Assert.Equal(1, session.UnknownLines);
        Assert.False(session.LastLineIncomplete);
        Assert.Equal(new FileInfo(JournalFixtures.PathOf(JournalFixtures.Revit2016)).Length, session.SizeBytes);
    }

    [Fact]
    public void WhenMemoryLinesGiveDeltasUnchangedFieldsOrNoPeak_EachSampleHoldsTheCurrentFigures()
    {
        var samples = JournalFixtures.Read(JournalFixtures.Revit2016).Entries.OfType<JournalMemorySample>().ToList();
        Assert.Equal(4, samples.Count);

        var initial = samples[0];
        Assert.Null(initial.Step);
        Assert.Equal((47.0, 49.0, 12000.0, 21.0, 49.0), (initial.RamUsedMB, initial.RamPeakMB, initial.RamAvailableMB, initial.VmUsedMB, initial.VmPeakMB));
        Assert.Equal((200, 120), (initial.GdiHandles, initial.UserHandles));
        Assert.Equal(Feb2.Add(new TimeSpan(0, 9, 15, 2, 481)), initial.Time);

        var first = samples[1];
        Assert.Equal(1, first.Step);
        Assert.Equal((500.0, 510.0, 11800.0, 400.0, 410.0), (first.RamUsedMB, first.RamPeakMB, first.RamAvailableMB, first.VmUsedMB, first.VmPeakMB));
        Assert.Equal((1100, 480), (first.GdiHandles, first.UserHandles));

        // "Used 400 MB": unchanged, printed without a delta.
        Assert.Equal(400, samples[2].VmUsedMB);
        Assert.Equal(905, samples[2].RamUsedMB);
        Assert.Null(samples[2].GdiHandles);

        // No Peak on the line: the last peak known, never below Used.
        Assert.Equal(900, samples[3].RamUsedMB);
        Assert.Equal(910, samples[3].RamPeakMB);
        Assert.Equal(710, samples[3].VmPeakMB);
        Assert.Equal(3, samples[3].Step);
        Assert.Equal(Feb2.AddHours(9).AddMinutes(20).AddSeconds(5.5), samples[3].Time);
    }

    [Fact]
    public void WhenTimedStepsCarryMarkersPathsAndGapTails_EachIsReadApart()
    {
        var ops = JournalFixtures.Read(JournalFixtures.Revit2016).Entries.OfType<JournalOperation>().ToList();
        Assert.Equal(new[] { "loadSerialize", "standardOpenDocumentFile", "BIG_GAP openOntoDesktop", "regenerate" }, ops.Select(o => o.Name));
        Assert.Equal(new[] { 4, 1, 2, 3 }, ops.Select(o => o.Depth));
        Assert.Equal(new[] { string.Empty, "--", "!!!", "!" }, ops.Select(o => o.Marker));
        Assert.Equal(new[] { false, true, true, true }, ops.Select(o => o.Slow));
        Assert.Equal(new[] { null, @"C:\Projects\Tower.rvt", null, null }, ops.Select(o => o.ModelPath));
        Assert.Equal(5.120334, ops[0].Seconds, 6);
        Assert.Equal(Feb2.AddHours(9).AddMinutes(15).AddSeconds(13.25), ops[0].Time);
        Assert.Equal(22, ops[0].Line);
    }

    [Fact]
    public void WhenCommandsDialogsDataAndModelsAppear_TheyAreEventsInFileOrder()
    {
        var events = JournalFixtures.Read(JournalFixtures.Revit2016).Entries.OfType<JournalEvent>().ToList();
        Assert.Equal(
            new[]
            {
                JournalEventKind.SessionStarted, JournalEventKind.Command, JournalEventKind.Data, JournalEventKind.ModelOpened,
                JournalEventKind.Dialog, JournalEventKind.Command, JournalEventKind.ModelSaved, JournalEventKind.SessionEnded,
            },
            events.Select(e => e.Kind));
        var open = events[1];
        Assert.Equal(("Open an existing project", "ID_REVIT_FILE_OPEN", "Ribbon"), (open.Name, open.Detail, open.Source));
        Assert.Equal(Feb2.Add(new TimeSpan(0, 9, 15, 10, 123)), open.Time);
        var data = events[2];
        Assert.Equal(("File Name", @"IDOK, C:\Projects\Tower.rvt"), (data.Name, data.Detail));
        Assert.Equal(19, data.Line); // where the statement starts, not where its continuation ends
        Assert.Equal(@"C:\Projects\Tower.rvt", events[3].Name);
        Assert.Equal("The model was saved in an earlier version and has been upgraded.", events[4].Name);
        Assert.Equal(("Save the active project", "KeyboardShortcut"), (events[5].Name, events[5].Source));
        Assert.All(events, e => Assert.Equal(JournalFixtures.Revit2016, e.Journal));
    }

    [Fact]
    public void WhenA2025JournalIsWindows1252WithLfAndNoFinishedLine_ItIsReadAsACrashedSession()
    {
        var (session, entries) = JournalFixtures.Read(JournalFixtures.Revit2025);
        Assert.False(session.EndedCleanly);
        Assert.True(session.LastLineIncomplete);
        Assert.Equal("2025", session.RevitVersion); // from a directive spread over three lines
        Assert.Equal("20250815_1515(x64)", session.Build);
        Assert.Equal(new DateTime(2025, 3, 10, 14, 11, 30, 750), session.EndedAt); // the last sign of life
        Assert.Equal(0, session.UnknownLines);
        const string model = @"C:\Projekte\Bürogebäude – Entwurf €.rvt";
        var events = entries.OfType<JournalEvent>().ToList();
        Assert.Equal(JournalEventKind.SessionStarted, events[0].Kind); // its line has no depth marker
        Assert.Equal(model, events.Single(e => e.Kind == JournalEventKind.ModelOpened).Name);
        Assert.Equal(("File Name", "IDOK, " + model), events.Where(e => e.Kind == JournalEventKind.Data).Select(e => (e.Name, e.Detail!)).First());
        Assert.Equal("Élément introuvable – voulez-vous continuer ?", events.Single(e => e.Kind == JournalEventKind.Dialog).Name);
        Assert.Equal(("Synchronize with central", "ID_FILE_SAVE_TO_MASTER"), events.Where(e => e.Kind == JournalEventKind.Command).Select(e => (e.Name, e.Detail!)).Last());

        var ops = entries.OfType<JournalOperation>().ToList();
        Assert.Equal(new[] { "[Cloud]standardOpenDocumentFile", "BIG_GAP [Cloud]openOntoDesktop", "loadSerialize" }, ops.Select(o => o.Name));
        Assert.Equal(model, ops[2].ModelPath);

        var samples = entries.OfType<JournalMemorySample>().ToList();
        Assert.Equal(5, samples.Count);
        Assert.Equal(new int?[] { null, 0, 97, 98, 99 }, samples.Select(s => s.Step));
        Assert.Equal((1255, 489), (samples[2].GdiHandles, samples[2].UserHandles));
        Assert.Equal((1175.0, 1175.0, 15046.0), (samples[3].RamUsedMB, samples[3].RamPeakMB, samples[3].VmUsedMB));
        // The line Revit was writing when it died: what it holds, and nothing made up.
        Assert.Null(samples[4].RamUsedMB);
        Assert.Null(samples[4].VmUsedMB);
        Assert.Equal(1175, session.PeakRamMB);
    }

    [Fact]
    public void WhenOnlyOneSeriesIsAsked_OnlyItsEntriesComeButTheSummaryIsWhole()
    {
        var (session, entries) = JournalFixtures.Read(JournalFixtures.Revit2016, JournalSeries.Operations);
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.IsType<JournalOperation>(e));
        Assert.Equal(4, session.MemorySamples);
        Assert.Equal(2, session.Commands);

        var (summary, none) = JournalFixtures.Read(JournalFixtures.Revit2016, JournalSeries.None);
        Assert.Empty(none);
        Assert.Equal("standardOpenDocumentFile", summary.SlowestOperation);
    }

    [Fact]
    public void WhenTheReaderIsAskedTwice_ItSaysSoInsteadOfReturningNothing()
    {
        using var reader = new JournalReader(JournalFixtures.PathOf(JournalFixtures.Revit2016));
        _ = reader.ReadToEnd();
        Assert.Throws<InvalidOperationException>(() => reader.ReadEntries());
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,size\r\nTower.rvt,120\r\n")]
    [InlineData("{ \"results\": [] }")]
    public void WhenTheFileIsNotAJournal_ReadingItFailsNamingTheFile(string text)
    {
        var ex = Assert.Throws<JournalFormatException>(() => JournalFixtures.ReadText(text));
        Assert.Equal("test.txt", ex.Path);
        Assert.Contains("'test.txt' is not a Revit journal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenALongTextFileHasNoJournalLine_ReadingStopsEarlyInsteadOfReadingItAll()
    {
        var text = string.Concat(Enumerable.Repeat("just some text of a log file\n", 1_000_000));
        using var reader = new JournalReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "log.txt");
        Assert.Throws<JournalFormatException>(() => reader.ReadToEnd());
        Assert.True(reader.Session.Lines <= 500);
    }

    [Fact]
    public void WhenTheFileIsBinary_ItIsNotAJournal()
    {
        var bytes = new byte[10_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0;
        var ex = Assert.Throws<JournalFormatException>(() => JournalFixtures.ReadBytes(bytes));
        Assert.Contains("binary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenACrashLeftZerosAfterTheJournal_TheJournalIsStillRead()
    {
        var journal = File.ReadAllBytes(JournalFixtures.PathOf(JournalFixtures.Revit2016));
        var bytes = journal.Concat(new byte[4096]).ToArray();
        var (session, _) = JournalFixtures.ReadBytes(bytes);
        Assert.Equal(4, session.MemorySamples);
        Assert.True(session.LastLineIncomplete);
    }

    [Fact]
    public void WhenALineRunsOnForMegabytes_ItIsCutAndTheLinesAfterItAreRead()
    {
        var text = "'C 02-Feb-2016 09:15:02.481;   0:< started recording journal file\n"
            + "' " + new string('x', 3_000_000) + "\n"
            + "' 0:< Initial VM: Avail 8388000 MB, Used 21 MB, Peak 49; RAM: Avail 12000 MB, Used 47 MB, Peak 49\n";
        var (session, entries) = JournalFixtures.ReadText(text);
        Assert.Equal(1, session.CutLines);
        Assert.Equal(3, session.Lines);
        Assert.Equal(47, entries.OfType<JournalMemorySample>().Single().RamUsedMB);
    }

    [Fact]
    public void WhenAStatementContinuesForThousandsOfLines_WhatIsKeptIsBoundedAndReadingGoesOn()
    {
        var text = new StringBuilder("'C 02-Feb-2016 09:15:02.481;   0:< started recording journal file\n Jrn.Data \"Schedule\" _\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("   , \"row ").Append(i).Append("\" _\n");
        }

        text.Append("   , \"end\"\n Jrn.Command \"Ribbon\" , \"Close , ID_CLOSE\"\n");
        var (_, entries) = JournalFixtures.ReadText(text.ToString(), JournalSeries.Events);
        var data = entries.OfType<JournalEvent>().Single(e => e.Kind == JournalEventKind.Data);
        Assert.Equal("Schedule", data.Name);
        Assert.True(data.Detail!.Length < 20_000);
        Assert.Equal("ID_CLOSE", entries.OfType<JournalEvent>().Last().Detail);
    }

    [Fact]
    public void WhenADateIsImpossible_TheLineIsNoTimeStamp()
    {
        var text = "'C 02-Feb-2016 09:15:02.481;   0:< started recording journal file\n'C 31-Feb-2016 09:16:00.000;   0:< \n";
        var (session, _) = JournalFixtures.ReadText(text);
        Assert.Equal(session.StartedAt, session.EndedAt);
    }
}
