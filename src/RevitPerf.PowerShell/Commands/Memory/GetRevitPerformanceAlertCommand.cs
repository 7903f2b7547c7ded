using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The alerts of memory monitors: the active ones, or with -IncludeResolved all that were kept.</summary>
[Cmdlet(VerbsCommon.Get, "RevitPerformanceAlert")]
[OutputType(typeof(PerformanceAlert))]
public sealed class GetRevitPerformanceAlertCommand : RevitMonitorSelectionCmdlet
{
    /// <summary>The type name alerts carry.</summary>
    public const string AlertTypeName = "RevitPerf.PerformanceAlert";

    /// <summary>Includes resolved alerts.</summary>
    [Parameter]
    public SwitchParameter IncludeResolved { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var alert in SelectedMonitors().SelectMany(m => m.GetAlerts(IncludeResolved)).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id))
        {
            WriteTyped(alert, AlertTypeName);
        }
    }
}
