using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Lists the memory monitors: what each watches, how often, and what it has seen.</summary>
[Cmdlet(VerbsCommon.Get, "RevitMemoryMonitor")]
[OutputType(typeof(MonitorInfo))]
public sealed class GetRevitMemoryMonitorCommand : RevitMonitorCmdlet
{
    /// <summary>Names of monitors; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [MonitorReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = { "*" };

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var monitor in FindMonitors(Name))
        {
            WriteTyped(new MonitorInfo(monitor), StartRevitMemoryMonitorCommand.MonitorTypeName);
        }
    }
}
