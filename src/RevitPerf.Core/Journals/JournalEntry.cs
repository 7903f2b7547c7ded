using System;

namespace RevitPerf.Core.Journals;

/// <summary>
/// One row of a journal's series: where it came from (file and line) and when. Journal lines between two time stamps
/// carry no time of their own, so <see cref="Time"/> is that of the last time-stamped line before them (Revit's local
/// time, as written in the file), or null before the first one.
/// </summary>
public abstract class JournalEntry
{
    private protected JournalEntry()
    {
    }

    /// <summary>The journal's file name (journal.0042.txt).</summary>
    public string Journal { get; internal set; } = string.Empty;

    /// <summary>When Revit wrote it (local time of the machine that wrote the journal).</summary>
    public DateTime? Time { get; internal set; }

    /// <summary>The line it starts on, from 1.</summary>
    public long Line { get; internal set; }

    /// <summary>The journal's full path.</summary>
    public string Path { get; internal set; } = string.Empty;
}
