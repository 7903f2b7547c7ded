using System;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// A script-block benchmark, as New-RevitBenchmark makes it and Invoke-RevitBenchmark runs it: RevitPy's benchmark
/// fields (name, suite, targets, operation, setup, teardown, iterations, warm-up, timeout, result validator).
/// </summary>
public sealed class BenchmarkDefinition
{
    /// <summary>Creates a definition of <paramref name="scriptBlock"/>.</summary>
    public BenchmarkDefinition(string name, ScriptBlock scriptBlock)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A benchmark needs a name.", nameof(name)) : name;
        ScriptBlock = scriptBlock ?? throw new ArgumentNullException(nameof(scriptBlock));
    }

    /// <summary>The default suite of a benchmark given none.</summary>
    public const string DefaultSuite = "Default";

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>Its suite (for -Suite filtering and grouping).</summary>
    public string Suite { get; set; } = DefaultSuite;

    /// <summary>The operation, run in a child scope of the setup's scope.</summary>
    public ScriptBlock ScriptBlock { get; }

    /// <summary>Runs once before the warm-up, dot-sourced so that its variables are visible to the operation.</summary>
    public ScriptBlock? Setup { get; set; }

    /// <summary>Runs once at the end, even after failures.</summary>
    public ScriptBlock? Teardown { get; set; }

    /// <summary>Receives the last operation's output as $args[0] (and $_); a false result or an error fails validation.</summary>
    public ScriptBlock? Validate { get; set; }

    /// <summary>Measured iterations.</summary>
    public int Iterations { get; set; } = BenchmarkDefaults.Iterations;

    /// <summary>Warm-up runs.</summary>
    public int WarmupIterations { get; set; } = BenchmarkDefaults.WarmupIterations;

    /// <summary>The benchmark's own time limit, in seconds.</summary>
    public double TimeoutSeconds { get; set; } = BenchmarkDefaults.TimeoutSeconds;

    /// <summary>Invocations timed together as one iteration; null lets the pilot choose.</summary>
    public long? InvocationsPerIteration { get; set; }

    /// <summary>The mean latency target, ms.</summary>
    public double? TargetLatencyMs { get; set; }

    /// <summary>The memory target (peak live managed memory above the start), MB.</summary>
    public double? TargetMemoryMB { get; set; }

    /// <summary>The throughput target, operations per second.</summary>
    public double? TargetThroughputOpsPerSec { get; set; }

    /// <summary>Arguments passed to the setup, operation, validation and teardown (Measure-RevitScalability passes n).</summary>
    internal object[] Arguments { get; set; } = Array.Empty<object>();

    /// <summary>Whether the warm-up goes on until the timings stop improving.</summary>
    internal bool WarmupUntilStable { get; set; } = true;

    /// <summary>The file that defined the benchmark, or null.</summary>
    public string? Source { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Suite + "/" + Name;

    /// <summary>
    /// A copy whose script blocks are unbound copies of the text: a script block belongs to the runspace that made
    /// it, and another runspace (a parallel worker's) must run its own.
    /// </summary>
    internal BenchmarkDefinition Unbound()
    {
        static ScriptBlock? Copy(ScriptBlock? block) => block is null ? null : ScriptBlock.Create(block.ToString());
        return new BenchmarkDefinition(Name, Copy(ScriptBlock)!)
        {
            Suite = Suite,
            Setup = Copy(Setup),
            Teardown = Copy(Teardown),
            Validate = Copy(Validate),
            Iterations = Iterations,
            WarmupIterations = WarmupIterations,
            TimeoutSeconds = TimeoutSeconds,
            InvocationsPerIteration = InvocationsPerIteration,
            TargetLatencyMs = TargetLatencyMs,
            TargetMemoryMB = TargetMemoryMB,
            TargetThroughputOpsPerSec = TargetThroughputOpsPerSec,
            Arguments = Arguments,
            WarmupUntilStable = WarmupUntilStable,
            Source = Source,
        };
    }
}
