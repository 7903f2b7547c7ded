using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Journals;

[Collection("Real garbage collector")]
public class LargeJournalTests
{
    [Fact]
    public void WhenAJournalIs200MB_EveryRowIsReadAndMemoryDoesNotGrowWithTheFile()
    {
        using var stream = Synthetic(200L * 1024 * 1024);
        using var reader = new JournalReader(stream, "journal.big.txt", leaveOpen: true);
        long samples = 0;
        long operations = 0;
        long retainedEarly = 0;
        var early = stream.Bodies * 3 / 10; // a tenth of the way in
        foreach (var entry in reader.ReadEntries(JournalSeries.Memory | JournalSeries.Operations))
        {
            if (entry is JournalMemorySample && ++samples == early)
            {
                retainedEarly = GC.GetTotalMemory(forceFullCollection: true);
            }

            operations += entry is JournalOperation ? 1 : 0;
        }

        var retainedLate = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(1 + (3 * stream.Bodies), samples);
        Assert.Equal(4 * stream.Bodies, operations);
        Assert.Equal(stream.Length, reader.Session.SizeBytes);
        Assert.True(reader.Session.EndedCleanly);
        // Nine tenths of the file later the reader holds no more than it did: its buffers, not the file.
        Assert.True(retainedLate - retainedEarly < 2 * 1024 * 1024, $"retained {retainedEarly:N0} B a tenth of the way in, {retainedLate:N0} B at the end");
        GC.KeepAlive(reader);
    }

    /// <summary>The 2016 fixture with its middle (from the first Delta line to the last line before the end) repeated.</summary>
    internal static SyntheticJournalStream Synthetic(long bytes)
    {
        var text = File.ReadAllBytes(JournalFixtures.PathOf(JournalFixtures.Revit2016));
        var lineStarts = new[] { 0 }.Concat(text.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i + 1)).ToList();
        var bodyStart = lineStarts[13]; // after the 'H line
        var tailStart = lineStarts[lineStarts.Count - 2]; // the finished line
        return new SyntheticJournalStream(text[..bodyStart], text[bodyStart..tailStart], text[tailStart..], bytes);
    }
}
