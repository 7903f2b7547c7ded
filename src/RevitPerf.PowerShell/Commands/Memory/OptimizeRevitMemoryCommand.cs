using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Frees memory in this process: removes expired cache entries, trims pools, and collects garbage when the managed
/// heap is above memory_cleanup_threshold_mb (or with -Force / -Aggressive); reports what it freed.
/// </summary>
[Cmdlet(VerbsCommon.Optimize, "RevitMemory", SupportsShouldProcess = true)]
[OutputType(typeof(OptimizationResult))]
public sealed class OptimizeRevitMemoryCommand : RevitMonitorCmdlet
{
    /// <summary>The type name results carry.</summary>
    public const string ResultTypeName = "RevitPerf.OptimizationResult";

    /// <summary>Collects whatever the heap's size, and compacts the large object heap too.</summary>
    [Parameter]
    public SwitchParameter Aggressive { get; set; }

    /// <summary>Collects even below the threshold.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var action = Aggressive ? "Remove expired cache entries, collect garbage and compact the large object heap"
            : Force ? "Remove expired cache entries and collect garbage"
            : "Remove expired cache entries, and collect garbage if above memory_cleanup_threshold_mb";
        if (!ShouldProcess("the current process", action))
        {
            return;
        }

        WriteTyped(RevitPerfOptimizer.Current.Optimize(new MaintenanceRequest { Force = Force, Aggressive = Aggressive }), ResultTypeName);
    }
}
