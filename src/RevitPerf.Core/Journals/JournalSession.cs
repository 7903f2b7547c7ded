using System;

namespace RevitPerf.Core.Journals;

/// <summary>
/// One Revit session as its journal tells it, flat: version and build, when it started and last wrote, whether it
/// ended cleanly (a journal without Revit's "finished recording journal file" line belongs to a session that crashed,
/// was killed, or is still running), what it did, its memory peaks and its slowest step. Times are the local times
/// Revit wrote.
/// </summary>
public sealed class JournalSession
{
    internal JournalSession()
    {
    }

    /// <summary>The journal's file name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The journal's full path.</summary>
    public string Path { get; internal set; } = string.Empty;

    /// <summary>The Revit release (2025), from the Version directive or else the journals folder's name; null when neither tells.</summary>
    public string? RevitVersion { get; internal set; }

    /// <summary>Revit's build (20250815_1515(x64)), or null.</summary>
    public string? Build { get; internal set; }

    /// <summary>The first time stamp.</summary>
    public DateTime? StartedAt { get; internal set; }

    /// <summary>The last time stamp: the clean end, or the last sign of life of a session that did not end cleanly.</summary>
    public DateTime? EndedAt { get; internal set; }

    /// <summary>From the first to the last time stamp.</summary>
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    /// <summary>True when the journal holds Revit's "finished recording journal file" line.</summary>
    public bool EndedCleanly { get; internal set; }

    /// <summary>Models opened.</summary>
    public int ModelsOpened { get; internal set; }

    /// <summary>Models saved.</summary>
    public int ModelsSaved { get; internal set; }

    /// <summary>Commands run.</summary>
    public int Commands { get; internal set; }

    /// <summary>Task dialogs shown.</summary>
    public int Dialogs { get; internal set; }

    /// <summary>The highest physical memory figure (used or peak) the journal gives, MB; null without memory lines.</summary>
    public double? PeakRamMB { get; internal set; }

    /// <summary>The highest committed virtual memory figure (used or peak), MB.</summary>
    public double? PeakVmMB { get; internal set; }

    /// <summary>The machine's physical memory from Revit's RAM Statistics block, MB.</summary>
    public double? TotalRamMB { get; internal set; }

    /// <summary>Memory samples (Initial and Delta lines).</summary>
    public int MemorySamples { get; internal set; }

    /// <summary>Timed steps.</summary>
    public int Operations { get; internal set; }

    /// <summary>Timed steps Revit marked as slow.</summary>
    public int SlowOperations { get; internal set; }

    /// <summary>The longest timed step's name.</summary>
    public string? SlowestOperation { get; internal set; }

    /// <summary>The longest timed step's seconds.</summary>
    public double? SlowestOperationSeconds { get; internal set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; internal set; }

    /// <summary>Lines of no kind the reader knows, skipped.</summary>
    public long UnknownLines { get; internal set; }

    /// <summary>Lines longer than the reader keeps (64 K characters), read only to that length.</summary>
    public long CutLines { get; internal set; }

    /// <summary>True when the file ends inside a line (Revit stopped mid-write); that line was read as far as it goes.</summary>
    public bool LastLineIncomplete { get; internal set; }

    /// <summary>Bytes read.</summary>
    public long SizeBytes { get; internal set; }
}
