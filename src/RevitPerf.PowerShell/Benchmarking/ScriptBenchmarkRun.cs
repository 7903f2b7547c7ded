using System;
using System.Management.Automation;
using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// One script benchmark's run, handed to <see cref="Script"/> as $__RevitPerfRun. The wrapper dot-sources the setup
/// into its own scope and then calls <see cref="Measure"/>, so the operation, validation and teardown all run in
/// child scopes that see the setup's variables (and the caller's), on the caller's runspace. On PowerShell 7.3 and
/// later the wrapper has a clean block: when the pipeline is stopped (Ctrl+C, $ps.Stop()) no script can run any more
/// except there, so the teardown the stop prevented runs there.
/// </summary>
public sealed class ScriptBenchmarkRun
{
    private const string Body = @"
$ErrorActionPreference = 'Stop'
$__RevitPerfSetup = $__RevitPerfRun.Setup
$__RevitPerfArguments = $__RevitPerfRun.Arguments
if ($null -ne $__RevitPerfSetup) {
    try { . $__RevitPerfSetup @__RevitPerfArguments } catch { $__RevitPerfRun.SetupFailed($_) }
}
Remove-Variable -Name __RevitPerfSetup, __RevitPerfArguments
$__RevitPerfRun.Measure({})
";

    /// <summary>The wrapper every script benchmark runs in (a nested or worker pipeline runs it as a script).</summary>
    internal static readonly string Script = SupportsClean
        ? "[CmdletBinding()]\nparam($__RevitPerfRun)\nend {" + Body + "}\nclean { if ($null -ne $__RevitPerfRun) { $__RevitPerfRun.TeardownIfPending() } }\n"
        : "param($__RevitPerfRun)\n" + Body;

    // Clean blocks came with PowerShell 7.3; System.Management.Automation carries PowerShell's version.
    private static bool SupportsClean => typeof(PSObject).Assembly.GetName().Version >= new Version(7, 3);

    private readonly BenchmarkEngine _engine;
    private readonly BenchmarkDefinition _definition;
    private readonly long? _deadline;
    private readonly CancellationToken _cancellation;
    private string? _setupError;
    private ScriptBlockWorkload? _workload;

    internal ScriptBenchmarkRun(BenchmarkEngine engine, BenchmarkDefinition definition, BenchmarkOverrides overrides, long? deadline, CancellationToken cancellation)
    {
        _engine = engine;
        _definition = definition;
        Overrides = overrides;
        _deadline = deadline;
        _cancellation = cancellation;
    }

    /// <summary>The setup block, or null.</summary>
    public ScriptBlock? Setup => _definition.Setup;

    /// <summary>The arguments every block receives.</summary>
    public object[] Arguments => _definition.Arguments;

    internal BenchmarkOverrides Overrides { get; }

    /// <summary>The measurement, once <see cref="Measure"/> has run.</summary>
    internal BenchmarkMeasurement? Measurement { get; private set; }

    /// <summary>Records the setup's error; the engine reports it as "Setup failed" and still runs the teardown.</summary>
    public void SetupFailed(ErrorRecord error) =>
        _setupError = error?.Exception?.Message ?? error?.ToString() ?? "unknown error";

    /// <summary>Runs the teardown if the benchmark was stopped before it could (called from the wrapper's clean block).</summary>
    public void TeardownIfPending() => _workload?.TeardownIfPending();

    /// <summary>
    /// Runs the wrapper for this run in a nested pipeline of the calling runspace (a script, so its clean block runs
    /// when the caller is stopped).
    /// </summary>
    internal void Invoke()
    {
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript(Script, useLocalScope: true).AddArgument(this).Invoke();
        if (shell.InvocationStateInfo.State == PSInvocationState.Stopped)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Measures the operation, with <paramref name="empty"/> (an empty block from the wrapper) as the overhead twin.</summary>
    public void Measure(ScriptBlock empty)
    {
        _workload = new ScriptBlockWorkload(_definition.ScriptBlock, _definition.Teardown, _definition.Validate, () => _setupError, _definition.Arguments);
        var spec = new BenchmarkSpec(_definition.Name, _workload)
        {
            Suite = _definition.Suite,
            Overhead = new ScriptBlockWorkload(empty, arguments: _definition.Arguments),
            WarmupUntilStable = _definition.WarmupUntilStable,
            Iterations = _definition.Iterations,
            WarmupIterations = _definition.WarmupIterations,
            Timeout = TimeSpan.FromSeconds(_definition.TimeoutSeconds),
            InvocationsPerIteration = _definition.InvocationsPerIteration,
            Targets = new BenchmarkTargets
            {
                LatencyMs = _definition.TargetLatencyMs,
                MemoryMB = _definition.TargetMemoryMB,
                ThroughputOpsPerSec = _definition.TargetThroughputOpsPerSec,
            },
        };
        Overrides.Apply(spec);
        Measurement = _engine.Run(spec, _deadline, _cancellation);
    }
}
