using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The alerts of memory monitors: the active ones, or with -IncludeResolved all that were kept.</summary>
[Cmdlet(VerbsCommon.Get, "RevitPerformanceAlert")]
[OutputType(typeof(PerformanceAlert))]
public sealed class GetRevitPerformanceAlertCommand : RevitMonitorCmdlet
{
    /// <summary>The type name alerts carry.</summary>
    public const string AlertTypeName = "RevitPerf.PerformanceAlert";

    /// <summary>Monitors whose alerts to write; wildcards match; by default all.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MonitorNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Monitor { get; set; } = { "*" };

    /// <summary>Includes resolved alerts.</summary>
    [Parameter]
    public SwitchParameter IncludeResolved { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var alert in FindMonitors(Monitor).SelectMany(m => m.GetAlerts(IncludeResolved)).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id))
        {
            WriteTyped(alert, AlertTypeName);
        }
    }
}
