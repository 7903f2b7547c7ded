using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The plumbing of the memory monitor cmdlets: finding monitors by name.</summary>
public abstract class RevitMonitorCmdlet : RevitPerfCmdlet
{
    /// <summary>The event source identifier every alert is raised under (Register-EngineEvent, Wait-Event).</summary>
    public const string AlertSourceIdentifier = "RevitPerf.MemoryAlert";

    /// <summary>The monitors of the process.</summary>
    protected static MonitorRegistry Monitors => RevitPerfOptimizer.Current.Monitors;

    /// <summary>
    /// The monitors whose names match <paramref name="patterns"/> (wildcards, case-insensitive), in name order, each
    /// once; a literal name that matches none is a non-terminating MonitorNotFound error.
    /// </summary>
    protected IReadOnlyList<MemoryMonitor> FindMonitors(IEnumerable<string> patterns)
    {
        var all = Monitors.All;
        var found = new List<MemoryMonitor>();
        foreach (var pattern in patterns)
        {
            var matcher = new WildcardMatcher(pattern, ignoreCase: true);
            var matched = all.Where(m => matcher.IsMatch(m.Name)).ToList();
            if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(NewError(
                    new ItemNotFoundException($"There is no memory monitor named '{pattern}'. Get-RevitMemoryMonitor lists them."),
                    ErrorIds.MonitorNotFound, ErrorCategory.ObjectNotFound, pattern));
            }

            found.AddRange(matched.Where(m => !found.Contains(m)));
        }

        return found.OrderBy(m => m.Name, System.StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Writes <paramref name="value"/> with <paramref name="typeName"/> first among its type names.</summary>
    protected void WriteTyped(object value, string typeName)
    {
        var output = PSObject.AsPSObject(value);
        output.TypeNames.Insert(0, typeName);
        WriteObject(output);
    }
}
