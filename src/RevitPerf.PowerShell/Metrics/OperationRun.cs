using System;
using System.Diagnostics;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Metrics;

/// <summary>
/// Runs a user's script block as <c>&amp;</c> does (a child scope of the scope the block belongs to) in a steppable
/// pipeline begun on the cmdlet, so its output and its other streams flow to the cmdlet's as they are written, in order,
/// and its terminating error comes back unchanged. Times the run and counts what the thread allocated.
/// </summary>
internal static class OperationRun
{
    // The block runs in a child scope of the helper's (as & runs it), so the caller's -ErrorAction and -WarningAction,
    // set there as preferences, apply to it as they would to the body of an advanced function. The helper is its own
    // script block, compiled once: a script block literal inside the steppable pipeline's script would be compiled
    // again on every call (about 2 ms).
    private static readonly ScriptBlock s_helper = ScriptBlock.Create(
        "param($__RevitPerfBlock, $__RevitPerfArgs, $__RevitPerfErrorAction, $__RevitPerfWarningAction) " +
        "if ($null -ne $__RevitPerfErrorAction) { $ErrorActionPreference = $__RevitPerfErrorAction } " +
        "if ($null -ne $__RevitPerfWarningAction) { $WarningPreference = $__RevitPerfWarningAction } " +
        "& $__RevitPerfBlock @__RevitPerfArgs");

    private static readonly ScriptBlock s_invoker = ScriptBlock.Create("param($h, $b, $a, $e, $w) & $h $b $a $e $w");

    /// <summary>Runs <paramref name="block"/>; returns its duration, the bytes allocated (null where the runtime cannot tell per thread) and its terminating error, if any.</summary>
    public static (TimeSpan Elapsed, long? AllocatedBytes, RuntimeException? Error) Run(PSCmdlet cmdlet, ScriptBlock block, object?[] arguments)
    {
        var probe = RuntimeAllocationProbe.IsPerThread ? RuntimeAllocationProbe.Instance : null;
        var bound = cmdlet.MyInvocation.BoundParameters;
        var invocation = new[] { s_helper, block, arguments, bound.TryGetValue("ErrorAction", out var errorAction) ? errorAction : null, bound.TryGetValue("WarningAction", out var warningAction) ? warningAction : null };
        var allocatedBefore = probe?.AllocatedBytes;
        var watch = Stopwatch.StartNew();
        var error = SteppableRun.Run(cmdlet, s_invoker, invocation);
        watch.Stop();
        var allocated = probe?.AllocatedBytes - allocatedBefore;
        return (watch.Elapsed, allocated, error);
    }
}
