using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>A monitor cmdlet that acts on the monitors named by -Monitor (wildcards; all by default).</summary>
public abstract class RevitMonitorSelectionCmdlet : RevitMonitorCmdlet
{
    /// <summary>Names of monitors; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [MonitorReference]
    [ValidateNotNullOrEmpty]
    public string[] Monitor { get; set; } = { "*" };

    /// <summary>The monitors -Monitor selects, in name order; an unknown literal name is a non-terminating error.</summary>
    protected IReadOnlyList<MemoryMonitor> SelectedMonitors() => FindMonitors(Monitor);
}
