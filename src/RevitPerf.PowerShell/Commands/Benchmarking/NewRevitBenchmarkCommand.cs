using System;
using System.Management.Automation;
using RevitPerf.PowerShell.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Defines a script-block benchmark. In a *.Benchmarks.ps1 file, Invoke-RevitBenchmark -Path collects the definitions
/// the file outputs; anywhere else, pipe them to Invoke-RevitBenchmark.
/// </summary>
[Cmdlet(VerbsCommon.New, "RevitBenchmark")]
[OutputType(typeof(BenchmarkDefinition))]
public sealed class NewRevitBenchmarkCommand : RevitPerfCmdlet
{
    /// <summary>The benchmark's name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The operation.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>The suite it belongs to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Suite { get; set; } = BenchmarkDefinition.DefaultSuite;

    /// <summary>Runs once before the warm-up, dot-sourced: its variables are visible to the operation.</summary>
    [Parameter]
    public ScriptBlock? Setup { get; set; }

    /// <summary>Runs once at the end, even after failures.</summary>
    [Parameter]
    public ScriptBlock? Teardown { get; set; }

    /// <summary>Checks the last operation's output ($args[0] and $_); $false or an error fails the benchmark.</summary>
    [Parameter]
    public ScriptBlock? Validate { get; set; }

    /// <summary>Measured iterations (100).</summary>
    [Parameter]
    [ValidateRange(1, 10_000_000)]
    public int Iterations { get; set; } = 100;

    /// <summary>Warm-up iterations (10).</summary>
    [Parameter]
    [ValidateRange(0, 10_000_000)]
    public int WarmupIterations { get; set; } = 10;

    /// <summary>The benchmark's time limit in seconds (30).</summary>
    [Parameter]
    [ValidateRange(0.001, 604_800)]
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Invocations timed together as one iteration; by default the pilot chooses.</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long InvocationsPerIteration { get; set; }

    /// <summary>The mean latency target, ms.</summary>
    [Parameter]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetLatencyMs { get; set; }

    /// <summary>The memory target (peak live managed memory above the start), MB.</summary>
    [Parameter]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetMemoryMB { get; set; }

    /// <summary>The throughput target, operations per second.</summary>
    [Parameter]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetThroughputOpsPerSec { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var bound = MyInvocation.BoundParameters;
        var definition = new BenchmarkDefinition(Name, ScriptBlock!)
        {
            Suite = Suite,
            Setup = Setup,
            Teardown = Teardown,
            Validate = Validate,
            Iterations = Iterations,
            WarmupIterations = WarmupIterations,
            TimeoutSeconds = TimeoutSeconds,
            InvocationsPerIteration = bound.ContainsKey(nameof(InvocationsPerIteration)) ? InvocationsPerIteration : null,
            TargetLatencyMs = bound.ContainsKey(nameof(TargetLatencyMs)) ? TargetLatencyMs : null,
            TargetMemoryMB = bound.ContainsKey(nameof(TargetMemoryMB)) ? TargetMemoryMB : null,
            TargetThroughputOpsPerSec = bound.ContainsKey(nameof(TargetThroughputOpsPerSec)) ? TargetThroughputOpsPerSec : null,
            Source = MyInvocation.ScriptName is { Length: > 0 } script ? script : null,
        };
        WriteObject(definition);
    }
}
