using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Tuning;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Applies RevitPy's auto-optimisation rules to the live figures and returns one row per rule and target: grow the
/// default cache or a pool whose hit ratio is low, run the memory cleanup above the threshold, GC tuning of benchmark
/// runs. -WhatIf shows what each rule would do and changes nothing.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitAutoOptimization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TuningDecision))]
public sealed class InvokeRevitAutoOptimizationCommand : RevitPerfCmdlet
{
    /// <summary>The type name the rows carry.</summary>
    public const string DecisionTypeName = "RevitPerf.TuningDecision";

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        foreach (var decision in RevitPerfOptimizer.Current.AutoOptimize(d => ShouldProcess($"{d.Rule} of {d.Target}", d.Action)))
        {
            WriteTyped(decision, DecisionTypeName);
        }
    }
}
