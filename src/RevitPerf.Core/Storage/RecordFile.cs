using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Storage;

/// <summary>Memory snapshots and journal sessions as the folder store writes them (JSON, for other tools to read).</summary>
internal static class RecordFile
{
    internal static string Id(params string[] parts)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    internal static string SnapshotsId(string machine, IReadOnlyList<MemorySnapshot> snapshots) =>
        Id(machine.ToUpperInvariant(), snapshots.Count.ToString(CultureInfo.InvariantCulture),
            string.Join(",", snapshots.Select(s => $"{s.Monitor}/{s.ProcessId}/{s.Timestamp.Ticks}")));

    internal static string SessionId(string machine, JournalSession session) => Id(machine.ToUpperInvariant(), session.Path);

    internal static string Snapshots(string machine, string user, IReadOnlyList<string> tags, IReadOnlyList<MemorySnapshot> snapshots) => StrictJson.Write(new List<KeyValuePair<string, object?>>
    {
        new("schema", "revitperf-memory-snapshots"),
        new("schema_version", 1),
        new("machine", machine),
        new("user", user),
        new("tags", tags.ToList()),
        new("snapshots", snapshots.Select(s => new List<KeyValuePair<string, object?>>
        {
            new("monitor", s.Monitor),
            new("process_id", s.ProcessId),
            new("process_name", s.ProcessName),
            new("time", s.Timestamp),
            new("working_set_mb", s.WorkingSetMB),
            new("private_memory_mb", s.PrivateMemoryMB),
            new("managed_heap_mb", s.ManagedHeapMB),
            new("handle_count", s.HandleCount),
            new("thread_count", s.ThreadCount),
        }).ToList()),
    });

    internal static string Session(string machine, string user, IReadOnlyList<string> tags, JournalSession s) => StrictJson.Write(new List<KeyValuePair<string, object?>>
    {
        new("schema", "revitperf-journal-session"),
        new("schema_version", 1),
        new("machine", machine),
        new("user", user),
        new("tags", tags.ToList()),
        new("journal_path", s.Path),
        new("revit_version", s.RevitVersion),
        new("build", s.Build),
        new("started_at", Local(s.StartedAt)),
        new("ended_at", Local(s.EndedAt)),
        new("ended_cleanly", s.EndedCleanly),
        new("models_opened", s.ModelsOpened),
        new("commands", s.Commands),
        new("dialogs", s.Dialogs),
        new("peak_ram_mb", s.PeakRamMB),
        new("peak_vm_mb", s.PeakVmMB),
        new("memory_samples", s.MemorySamples),
        new("slowest_operation", s.SlowestOperation),
        new("slowest_operation_seconds", s.SlowestOperationSeconds),
    });

    // Journal times are Revit's local clock, without a zone: written as they are, not shifted to UTC.
    private static string? Local(DateTime? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
