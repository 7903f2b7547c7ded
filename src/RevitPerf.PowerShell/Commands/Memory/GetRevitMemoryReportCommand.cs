using System;
using System.IO;
using System.Management.Automation;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// What each monitor's history says: peak, average, growth per hour, trend, stability and leak suspicion; or the same
/// from the RAM figures of Revit sessions' journals (-Journal).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RevitMemoryReport", DefaultParameterSetName = MonitorSet)]
[OutputType(typeof(MemoryReport))]
public sealed class GetRevitMemoryReportCommand : RevitMonitorSelectionCmdlet
{
    /// <summary>The type name reports carry.</summary>
    public const string ReportTypeName = "RevitPerf.MemoryReport";

    private const string MonitorSet = "Monitor";
    private const string JournalSet = "Journal";

    /// <summary>Sessions from Get-RevitJournal: each gets a report of its journal's RAM figures.</summary>
    [Parameter(Mandatory = true, ParameterSetName = JournalSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public JournalSession[] Journal { get; set; } = Array.Empty<JournalSession>();

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == JournalSet)
        {
            foreach (var session in Journal)
            {
                ReportJournal(session);
            }

            return;
        }

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

    private void ReportJournal(JournalSession session)
    {
        try
        {
            WriteTyped(JournalMemoryReport.Create(session.Path), ReportTypeName);
        }
        catch (JournalFormatException ex)
        {
            WriteError(NewError(ex, ErrorIds.JournalInvalid, ErrorCategory.InvalidData, session));
        }
        catch (ArgumentException ex)
        {
            WriteError(NewError(
                new InvalidOperationException($"The journal '{session.Path}' has too few memory figures over too short a time for a report; it needs at least three, written at different times.", ex),
                ErrorIds.JournalMemoryTooShort, ErrorCategory.ResourceUnavailable, session));
        }
        catch (UnauthorizedAccessException ex)
        {
            WriteError(NewError(ex, ErrorIds.JournalReadFailed, ErrorCategory.PermissionDenied, session));
        }
        catch (Exception ex) when (ex is IOException or System.Security.SecurityException)
        {
            WriteError(NewError(ex, ErrorIds.JournalReadFailed, ErrorCategory.ReadError, session));
        }
    }
}
