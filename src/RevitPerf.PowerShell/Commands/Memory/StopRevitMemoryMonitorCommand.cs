using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Stops memory monitors and removes them (with their -Action subscriptions).</summary>
[Cmdlet(VerbsLifecycle.Stop, "RevitMemoryMonitor", SupportsShouldProcess = true)]
[OutputType(typeof(MonitorInfo))]
public sealed class StopRevitMemoryMonitorCommand : RevitMonitorCmdlet
{
    /// <summary>Names of the monitors to stop; wildcards match.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [MonitorReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Writes each stopped monitor as it stood when it stopped.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var monitor in FindMonitors(Name))
        {
            if (!ShouldProcess($"{monitor.Name} ({monitor.ProcessName}, {monitor.ProcessId})", "Stop memory monitor"))
            {
                continue;
            }

            // Stopping the monitor ends its -Action subscriptions, whichever runspace made them.
            Monitors.TryRemove(monitor.Name, out _);
            if (PassThru)
            {
                WriteTyped(new MonitorInfo(monitor), StartRevitMemoryMonitorCommand.MonitorTypeName);
            }
        }
    }
}
