using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;
using RevitPerf.PowerShell.Loading;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The plumbing of the memory monitor cmdlets: finding monitors by name.</summary>
public abstract class RevitMonitorCmdlet : RevitPerfCmdlet
{
    /// <summary>The event source identifier every alert is raised under (Register-EngineEvent, Wait-Event).</summary>
    public const string AlertSourceIdentifier = "RevitPerf.MemoryAlert";

    /// <summary>The monitors of the process.</summary>
    protected static NamedRegistry<MemoryMonitor> Monitors => RevitPerfOptimizer.Current.Monitors;

    /// <summary>
    /// The monitors whose names match <paramref name="patterns"/> (wildcards, case-insensitive), each once; a literal
    /// name that matches none is a non-terminating MonitorNotFound error.
    /// </summary>
    protected IReadOnlyList<MemoryMonitor> FindMonitors(IEnumerable<string> patterns) =>
        Selection.Select(Monitors, patterns, WriteError, ErrorIds.MonitorNotFound, "Get-RevitMemoryMonitor lists them.");
}
