using System;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>What each monitor's history says: peak, average, growth per hour, trend, stability and leak suspicion.</summary>
[Cmdlet(VerbsCommon.Get, "RevitMemoryReport")]
[OutputType(typeof(MemoryReport))]
public sealed class GetRevitMemoryReportCommand : RevitMonitorCmdlet
{
    /// <summary>The type name reports carry.</summary>
    public const string ReportTypeName = "RevitPerf.MemoryReport";

    /// <summary>Monitors to report on; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Monitor { get; set; } = { "*" };

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var monitor in FindMonitors(Monitor))
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
