using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Profiling;
using RevitPerf.PowerShell.Metrics;
using RevitPerf.PowerShell.Profiling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs a script block as <c>&amp;</c> would, passes its output through unchanged and records its duration (and the
/// bytes it allocated, where the runtime tells) under an operation name. A terminating error of the block surfaces
/// unchanged and is counted as a failure. With -Profile the block runs under the line profiler and the profile is
/// returned instead of the block's output.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "RevitOperation")]
[OutputType(typeof(object))]
[OutputType(typeof(ScriptProfile))]
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

    /// <summary>Run the block once under the line profiler and return its profile (see Trace-RevitScript).</summary>
    [Parameter]
    public SwitchParameter Profile { get; set; }

    protected override void EndProcessing()
    {
        var metrics = RevitPerfOptimizer.Current.Metrics;
        if (Profile)
        {
            if (ProfilingGate.Refusal() is { } refusal)
            {
                ThrowTerminatingError(refusal);
            }

            var (profile, failure) = ProfiledRun.Run(this, ScriptBlock, null, null, ArgumentList ?? System.Array.Empty<object?>(), 1, 20);
            metrics.Record(Name, System.TimeSpan.FromMilliseconds(profile.DurationMs), failure is null, profile.AllocatedBytes);
            WriteObject(profile);
            if (failure is not null)
            {
                // As with Trace-RevitScript: the profile of what ran, then the block's own error.
                WriteError(failure.ErrorRecord);
            }

            return;
        }

        var (elapsed, allocated, error) = OperationRun.Run(this, ScriptBlock, ArgumentList ?? System.Array.Empty<object?>());
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
