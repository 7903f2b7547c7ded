using System;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// The snapshots monitors have stored (-Monitor), or a fresh snapshot of this process (no parameters) or of another
/// (-ProcessId).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RevitMemorySnapshot", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(MemorySnapshot))]
public sealed class GetRevitMemorySnapshotCommand : RevitMonitorCmdlet
{
    private const string CurrentSet = "Current";
    private const string MonitorSet = "Monitor";
    private const string ProcessIdSet = "ProcessId";

    /// <summary>The type name snapshots carry.</summary>
    public const string SnapshotTypeName = "RevitPerf.MemorySnapshot";

    /// <summary>Monitors whose stored snapshots to write; wildcards match.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = MonitorSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [MonitorReference]
    [ValidateNotNullOrEmpty]
    public string[] Monitor { get; set; } = Array.Empty<string>();

    /// <summary>Only the newest this many snapshots of each monitor.</summary>
    [Parameter(ParameterSetName = MonitorSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; }

    /// <summary>Only snapshots taken at or after this time.</summary>
    [Parameter(ParameterSetName = MonitorSet)]
    public DateTime Since { get; set; }

    /// <summary>Takes one snapshot of another process now.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProcessIdSet)]
    [Alias("Id")]
    public int ProcessId { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case MonitorSet:
                var bound = MyInvocation.BoundParameters;
                foreach (var monitor in FindMonitors(Monitor))
                {
                    foreach (var snapshot in monitor.GetSnapshots(bound.ContainsKey(nameof(Last)) ? Last : null, bound.ContainsKey(nameof(Since)) ? Since : null))
                    {
                        WriteTyped(snapshot, SnapshotTypeName);
                    }
                }

                break;
            case ProcessIdSet:
                try
                {
                    using var other = SystemProcessProbe.ForProcess(ProcessId);
                    WriteTyped(other.Take(), SnapshotTypeName);
                }
                catch (Exception ex) when (ex is ArgumentException or ProcessGoneException)
                {
                    WriteError(NewError(
                        new ItemNotFoundException($"There is no process with id {ProcessId} (or it has just exited).", ex),
                        ErrorIds.ProcessNotFound, ErrorCategory.ObjectNotFound, ProcessId));
                }

                break;
            default:
                using (var current = SystemProcessProbe.ForCurrentProcess(RevitPerfOptimizer.Current))
                {
                    WriteTyped(current.Take(), SnapshotTypeName);
                }

                break;
        }
    }
}
