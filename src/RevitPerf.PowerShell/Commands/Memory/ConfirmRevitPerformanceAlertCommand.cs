using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Acknowledges alerts: they stay listed, marked as seen, and keep the mark if they escalate.</summary>
[Cmdlet(VerbsLifecycle.Confirm, "RevitPerformanceAlert", SupportsShouldProcess = true)]
[OutputType(typeof(PerformanceAlert))]
public sealed class ConfirmRevitPerformanceAlertCommand : RevitMonitorCmdlet
{
    /// <summary>Ids of the alerts to acknowledge.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public int[] Id { get; set; } = Array.Empty<int>();

    /// <summary>Writes each acknowledged alert.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            var monitor = Monitors.All.FirstOrDefault(m => m.GetAlerts(includeResolved: true).Any(a => a.Id == id));
            if (monitor is null)
            {
                WriteError(NewError(
                    new ItemNotFoundException($"No memory monitor has an alert with id {id}. Get-RevitPerformanceAlert -IncludeResolved lists them."),
                    ErrorIds.AlertNotFound, ErrorCategory.ObjectNotFound, id));
                continue;
            }

            if (!ShouldProcess($"alert {id} of monitor {monitor.Name}", "Acknowledge"))
            {
                continue;
            }

            monitor.Acknowledge(id);
            if (PassThru)
            {
                WriteTyped(monitor.GetAlerts(includeResolved: true).First(a => a.Id == id), GetRevitPerformanceAlertCommand.AlertTypeName);
            }
        }
    }
}
