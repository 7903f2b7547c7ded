using System;
using System.Collections.Generic;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Journals;

/// <summary>
/// A journal's RAM figures as a memory history, so that the monitor's report (growth per hour, trend, leak suspicion)
/// reads a session Revit recorded itself.
/// </summary>
public static class JournalMemoryReport
{
    /// <summary>The process name the snapshots carry.</summary>
    public const string ProcessName = "Revit";

    /// <summary>
    /// The report of the journal at <paramref name="path"/>: working set is Revit's RAM Used, private memory its VM
    /// Used; samples without a time or a RAM figure are left out. Times are the journal's local times.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than three usable samples, or all at one time.</exception>
    /// <exception cref="JournalFormatException">The file is not a journal.</exception>
    public static MemoryReport Create(string path)
    {
        using var reader = new JournalReader(path);
        var snapshots = new List<MemorySnapshot>();
        foreach (var entry in reader.ReadEntries(JournalSeries.Memory))
        {
            if (ToSnapshot((JournalMemorySample)entry) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
        }

        return MemoryReport.Create(reader.Session.Name, snapshots);
    }

    /// <summary>The sample as a snapshot, or null when it has no time or no RAM figure.</summary>
    public static MemorySnapshot? ToSnapshot(JournalMemorySample sample)
    {
        if (sample is null)
        {
            throw new ArgumentNullException(nameof(sample));
        }

        if (sample.Time is not { } time || sample.RamUsedMB is not { } ram)
        {
            return null;
        }

        return new MemorySnapshot
        {
            Monitor = sample.Journal,
            Timestamp = time,
            ProcessName = ProcessName,
            WorkingSetMB = ram,
            PrivateMemoryMB = sample.VmUsedMB ?? 0,
            // The only handles a journal records are GDI and USER handles.
            HandleCount = (sample.GdiHandles ?? 0) + (sample.UserHandles ?? 0),
        };
    }
}
