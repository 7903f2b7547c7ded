using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.PowerShell.Metrics;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs a script block as <c>&amp;</c> would, passes its output through unchanged and records its duration (and the
/// bytes it allocated, where the runtime tells) under an operation name. A terminating error of the block surfaces
/// unchanged and is counted as a failure.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "RevitOperation")]
[OutputType(typeof(object))]
public sealed class MeasureRevitOperationCommand : RevitPerfCmdlet
{
    /// <summary>The operation's name: the runs of one name are summarised together.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The code to run.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>Arguments passed to the script block, as with &amp; $block @args.</summary>
    [Parameter]
    [Alias("Args")]
    public object?[] ArgumentList { get; set; } = System.Array.Empty<object?>();

    protected override void EndProcessing()
    {
        var (elapsed, allocated, error) = OperationRun.Run(this, ScriptBlock, ArgumentList ?? System.Array.Empty<object?>());
        var metrics = RevitPerfOptimizer.Current.Metrics;
        if (!metrics.Record(Name, elapsed, error is null, allocated))
        {
            WriteVerbose($"Operation '{Name}' ran in {elapsed.TotalMilliseconds:0.###} ms; not recorded, because enable_metrics_collection is off.");
        }

        if (error is not null)
        {
            // The block's own error, as & would have surfaced it.
            throw error;
        }
    }
}
