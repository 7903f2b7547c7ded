namespace RevitPerf.Core.Journals;

/// <summary>
/// Revit's own memory figures after a step (an <c>Initial VM</c> or <c>Delta VM</c> line), in MB, with the GDI and
/// USER handle counts of the <c>GUI Resource Usage</c> line that follows it where there is one. A figure the line does
/// not give is null, except a missing Peak: peaks only rise, so it carries the last known peak (never below Used).
/// VM Avail (the address space, about 128 TB on 64-bit Windows) says nothing about memory pressure and is left out.
/// </summary>
public sealed class JournalMemorySample : JournalEntry
{
    internal JournalMemorySample()
    {
    }

    /// <summary>Revit's step counter (<c>::12::</c>); null on the initial line.</summary>
    public int? Step { get; internal set; }

    /// <summary>Physical memory Revit uses, MB.</summary>
    public double? RamUsedMB { get; internal set; }

    /// <summary>The most physical memory Revit has used so far, MB.</summary>
    public double? RamPeakMB { get; internal set; }

    /// <summary>Physical memory still available on the machine, MB.</summary>
    public double? RamAvailableMB { get; internal set; }

    /// <summary>Virtual memory Revit has committed, MB.</summary>
    public double? VmUsedMB { get; internal set; }

    /// <summary>The most virtual memory Revit has committed so far, MB.</summary>
    public double? VmPeakMB { get; internal set; }

    /// <summary>GDI handles in use.</summary>
    public int? GdiHandles { get; internal set; }

    /// <summary>USER handles in use.</summary>
    public int? UserHandles { get; internal set; }
}
