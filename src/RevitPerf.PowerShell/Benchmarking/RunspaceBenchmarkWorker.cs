using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// A worker of a parallel run (-Parallel): a runspace of its own with the module imported, opened once and used for
/// every script-block benchmark the worker takes. Cancellation stops the benchmark running in it.
/// </summary>
internal sealed class RunspaceBenchmarkWorker : IBenchmarkWorker
{
    private readonly BenchmarkEngine _engine;
    private readonly Runspace _runspace;

    public RunspaceBenchmarkWorker(BenchmarkEngine engine, PSHost host, string? moduleManifest)
    {
        _engine = engine;
        var state = InitialSessionState.CreateDefault2();
        if (moduleManifest is not null)
        {
            state.ImportPSModule(new[] { moduleManifest });
        }

        _runspace = RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
    }

    public BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation)
    {
        if (job?.Payload is BenchmarkSpec spec)
        {
            overrides?.Apply(spec);
            return _engine.Run(spec, deadline, cancellation);
        }

        var definition = job?.Payload as BenchmarkDefinition ?? throw new ArgumentException("The job is not a script-block benchmark.", nameof(job));
        var run = new ScriptBenchmarkRun(_engine, definition.Unbound(), overrides!, deadline, cancellation);
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(ScriptBenchmarkRun.Script).AddArgument(run);
        using (cancellation.Register(() => shell.BeginStop(null, null)))
        {
            shell.Invoke();
        }

        cancellation.ThrowIfCancellationRequested();
        return run.Measurement ?? throw new InvalidOperationException($"The benchmark '{job!.Label}' was not measured.");
    }

    public void Dispose() => _runspace.Dispose();
}
