using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes memory monitor names (-Name of the monitor cmdlets, -Monitor).</summary>
public sealed class MonitorNameCompleter : NameCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Candidates() =>
        RevitPerfOptimizer.Current.Monitors.All.Select(m => (m.Name, $"{m.Name}: {m.ProcessName} ({m.ProcessId})"));
}
