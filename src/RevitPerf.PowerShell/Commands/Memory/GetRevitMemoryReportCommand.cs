using System;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>What each monitor's history says: peak, average, growth per hour, trend, stability and leak suspicion.</summary>
[Cmdlet(VerbsCommon.Get, "RevitMemoryReport")]
[OutputType(typeof(MemoryReport))]
public sealed class GetRevitMemoryReportCommand : RevitMonitorSelectionCmdlet
{
    /// <summary>The type name reports carry.</summary>
    public const string ReportTypeName = "RevitPerf.MemoryReport";

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var monitor in SelectedMonitors())
        {
            var snapshots = monitor.GetSnapshots();
            try
            {
                WriteTyped(MemoryReport.Create(monitor.Name, snapshots), ReportTypeName);
            }
            catch (ArgumentException ex)
            {
                WriteError(NewError(
                    new InvalidOperationException($"The monitor '{monitor.Name}' has {snapshots.Count} snapshots over too short a time for a report; it needs at least three, taken at different times.", ex),
                    ErrorIds.MonitorHistoryTooShort, ErrorCategory.ResourceUnavailable, monitor.Name));
            }
        }
    }
}
