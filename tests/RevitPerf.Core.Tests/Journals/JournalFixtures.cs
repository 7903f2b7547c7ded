using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using RevitPerf.Core.Journals;

namespace RevitPerf.Core.Tests.Journals;

/// <summary>The journals in tests/fixtures/journals, and journals written from text for one case.</summary>
internal static class JournalFixtures
{
    public const string Revit2016 = "journal.2016.txt";
    public const string Revit2025 = "journal.2025.txt";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "journals", name);

    public static (JournalSession Session, List<JournalEntry> Entries) Read(string name, JournalSeries series = JournalSeries.All)
    {
        using var reader = new JournalReader(PathOf(name));
        var entries = reader.ReadEntries(series).ToList();
        return (reader.Session, entries);
    }

    public static (JournalSession Session, List<JournalEntry> Entries) ReadText(string text, JournalSeries series = JournalSeries.All) =>
        ReadBytes(Encoding.UTF8.GetBytes(text), series);

    public static (JournalSession Session, List<JournalEntry> Entries) ReadBytes(byte[] bytes, JournalSeries series = JournalSeries.All)
    {
        using var reader = new JournalReader(new MemoryStream(bytes), "test.txt");
        var entries = reader.ReadEntries(series).ToList();
        return (reader.Session, entries);
    }
}
