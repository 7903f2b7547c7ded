using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;
using RevitPerf.PowerShell.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Measures a script block at several element counts with the benchmark engine and fits latency against the count:
/// slope, intercept, r², RevitPy's linear verdict and the best-fitting complexity class.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "RevitScalability")]
[OutputType(typeof(ScalabilityResult), typeof(ScalabilitySizeResult))]
public sealed class MeasureRevitScalabilityCommand : RevitPerfCmdlet
{
    /// <summary>The type name fits carry.</summary>
    public const string FitTypeName = "RevitPerf.ScalabilityResult";

    /// <summary>The type name per-size rows carry.</summary>
    public const string SizeTypeName = "RevitPerf.ScalabilitySizeResult";

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The operation; it receives the element count as its first argument (param($n)).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>The element counts to measure at.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, int.MaxValue)]
    public int[] ElementCount { get; set; } = ScalabilityRun.DefaultElementCounts.ToArray();

    /// <summary>Runs once per size before its warm-up, dot-sourced with the count as its argument (build the data there).</summary>
    [Parameter]
    public ScriptBlock? Setup { get; set; }

    /// <summary>A name for the results.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "ScriptBlock";

    /// <summary>Measured iterations per size (10).</summary>
    [Parameter]
    [ValidateRange(1, 10_000_000)]
    public int Iterations { get; set; } = 10;

    /// <summary>Warm-up iterations per size (3).</summary>
    [Parameter]
    [ValidateRange(0, 10_000_000)]
    public int WarmupIterations { get; set; } = 3;

    /// <summary>The time limit of each size, in seconds (30).</summary>
    [Parameter]
    [ValidateRange(0.001, 604_800)]
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Rounds the sizes are measured in, interleaved, once every size is warm; the fit divides out each round's speed and the Confidence resamples them.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int Rounds { get; set; } = 9;

    /// <summary>Writes one row per size instead of the fit.</summary>
    [Parameter]
    public SwitchParameter BySize { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        // Every size is warmed up until it is stable first, as the benchmark engine does (not counted); the rounds
        // then find it warm, need one warm-up iteration each and follow one another closely, so a change of the
        // machine's speed meets whole rounds, which the fit divides out.
        var warming = new BenchmarkEngine { IsFatal = ex => ex is PipelineStoppedException };
        var measuring = new BenchmarkEngine { IsFatal = warming.IsFatal, MinimumWarmupTime = TimeSpan.Zero };
        // The fit uses times alone: no allocation counters, and no full collection just before the timed iterations.
        var overrides = new BenchmarkOverrides { TrackMemory = false };
        var perRound = Math.Max(3, (int)Math.Ceiling(Iterations / (double)Rounds));
        var done = 0;
        var total = ElementCount.Length * (Rounds + 1);
        BenchmarkMeasurement Run(int n, string stage, bool warmUp)
        {
            WriteProgress(new ProgressRecord(0, "Measure-RevitScalability", $"{Name}: {n:N0} elements, {stage}")
            {
                PercentComplete = 100 * done++ / total,
                CurrentOperation = $"Measurement {done} of {total}",
            });
            var definition = new BenchmarkDefinition($"{Name} n={n}", ScriptBlock!)
            {
                Suite = "Scalability",
                Setup = Setup,
                Iterations = warmUp ? 1 : perRound,
                WarmupIterations = warmUp ? WarmupIterations : Math.Min(1, WarmupIterations),
                TimeoutSeconds = TimeoutSeconds,
                Arguments = new object[] { n },
                WarmupUntilStable = warmUp,
            };
            var run = new ScriptBenchmarkRun(warmUp ? warming : measuring, definition, overrides, null, _cancellation.Token);
            run.Invoke();
            return run.Measurement!;
        }

        var (sizes, fit) = ScalabilityRun.Measure(
            Name, ElementCount, Rounds, (n, round) => Run(n, $"round {round + 1} of {Rounds}", warmUp: false), _cancellation.Token,
            n => Run(n, "warming up", warmUp: true));
        WriteProgress(new ProgressRecord(0, "Measure-RevitScalability", "Done") { RecordType = ProgressRecordType.Completed });

        foreach (var failed in sizes.Where(s => s.Error is not null))
        {
            WriteWarning($"{Name} at {failed.ElementCount:N0} elements: {failed.Error}");
        }

        if (BySize)
        {
            foreach (var size in sizes)
            {
                var row = PSObject.AsPSObject(size);
                row.TypeNames.Insert(0, SizeTypeName);
                WriteObject(row);
            }

            return;
        }

        if (fit?.Reason is { } reason)
        {
            WriteWarning($"{Name}: the complexity class is Inconclusive: {reason}.");
        }

        if (fit is null)
        {
            WriteError(NewError(
                new InvalidOperationException($"Fewer than three different element counts produced a latency for '{Name}', so there is nothing to fit; use -BySize to see each size."),
                ErrorIds.ScalabilityNotFitted, ErrorCategory.InvalidResult, ElementCount));
            return;
        }

        var output = PSObject.AsPSObject(fit);
        output.TypeNames.Insert(0, FitTypeName);
        WriteObject(output);
    }

    /// <inheritdoc/>
    protected override void StopProcessing() => _cancellation.Cancel();
}
