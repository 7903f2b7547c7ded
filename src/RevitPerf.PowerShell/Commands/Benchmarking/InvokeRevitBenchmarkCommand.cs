using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using RevitPerf.Core;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.PowerShell.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs benchmarks (the built-in suites, *.Benchmarks.ps1 files, New-RevitBenchmark definitions or one script block)
/// and writes one flat result per benchmark; optionally compares with a baseline, saves the run as JSON and fails on
/// a missed target.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitBenchmark", DefaultParameterSetName = SuiteSet)]
[OutputType(typeof(BenchmarkResult))]
public sealed class InvokeRevitBenchmarkCommand : RevitBenchmarkCmdlet
{
    private const string SuiteSet = "Suite";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string ScriptBlockSet = "ScriptBlock";
    private const string InputObjectSet = "InputObject";

    private readonly List<BenchmarkDefinition> _definitions = new();
    private readonly List<string> _paths = new();
    private readonly CancellationTokenSource _cancellation = new();

    // Reference types only: PowerShell lays out this class before OnImport installs the resolver, and only a field
    // of a RevitPerf.Core value type would make it load RevitPerf.Core then.
    private PerformanceConfiguration _configuration = null!;
    private BenchmarkSelection _selection = null!;

    /// <summary>The suites to run: built-in suite names (or All), or a filter on the suites of files and definitions.</summary>
    [Parameter(Position = 0, ParameterSetName = SuiteSet)]
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BenchmarkSuiteCompleter))]
    public string[] Suite { get; set; } = Array.Empty<string>();

    /// <summary>Benchmark names to run (wildcards); with -ScriptBlock, the one benchmark's name.</summary>
    [Parameter(ParameterSetName = SuiteSet)]
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(Mandatory = true, ParameterSetName = ScriptBlockSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Benchmark files or folders (searched recursively for *.Benchmarks.ps1); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Benchmark files or folders, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The operation of an ad hoc benchmark.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScriptBlockSet)]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>Runs once before the warm-up, dot-sourced: its variables are visible to the operation.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    public ScriptBlock? Setup { get; set; }

    /// <summary>Runs once at the end, even after failures.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    public ScriptBlock? Teardown { get; set; }

    /// <summary>Checks the last operation's output ($args[0] and $_); $false or an error fails the benchmark.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    public ScriptBlock? Validate { get; set; }

    /// <summary>Invocations of the ad hoc benchmark timed together as one iteration; by default the pilot chooses.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long InvocationsPerIteration { get; set; }

    /// <summary>The mean latency target of the ad hoc benchmark, ms.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetLatencyMs { get; set; }

    /// <summary>The memory target of the ad hoc benchmark (peak live managed memory above the start), MB.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetMemoryMB { get; set; }

    /// <summary>The throughput target of the ad hoc benchmark, operations per second.</summary>
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [ValidateRange(1e-9, double.MaxValue)]
    public double TargetThroughputOpsPerSec { get; set; }

    /// <summary>New-RevitBenchmark definitions to run.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public BenchmarkDefinition[] InputObject { get; set; } = Array.Empty<BenchmarkDefinition>();

    /// <summary>Measured iterations of every benchmark, replacing each one's own count.</summary>
    [Parameter]
    [ValidateRange(1, 10_000_000)]
    public int Iterations { get; set; }

    /// <summary>Warm-up runs of every benchmark, replacing each one's own count.</summary>
    [Parameter]
    [ValidateRange(0, 10_000_000)]
    public int WarmupIterations { get; set; }

    /// <summary>The time limit of every benchmark, in seconds, replacing each one's own.</summary>
    [Parameter]
    [ValidateRange(0.001, 604_800)]
    public double TimeoutSeconds { get; set; }

    /// <summary>
    /// How many times each benchmark is measured, in turn with the others so that its rounds spread over the run; a
    /// comparison judges the run by each benchmark's fastest round. Benchmarks that start processes are measured once.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int Rounds { get; set; } = BenchmarkDefaults.Rounds;

    /// <summary>Runs benchmarks at once in separate runspaces (distorts the figures); by default parallel_execution.</summary>
    [Parameter]
    public SwitchParameter Parallel { get; set; }

    /// <summary>Benchmarks run at once with -Parallel; by default max_workers.</summary>
    [Parameter]
    [ValidateRange(1, 512)]
    public int ThrottleLimit { get; set; }

    /// <summary>Makes a missed target a terminating error naming every miss (as strict_target_validation does).</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Publishes the run to the results store as it finishes (see Publish-RevitPerformanceResult).</summary>
    [Parameter]
    public SwitchParameter Publish { get; set; }

    /// <summary>With -Publish: the store, instead of the configuration's results_store or results_directory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Store { get; set; }

    /// <summary>With -Publish: free-form tags the run carries (a commit, a model set).</summary>
    [Parameter]
    [ValidateNotNull]
    public string[] Tag { get; set; } = Array.Empty<string>();

    /// <summary>A baseline or results file to compare the run with; by default baseline_file when regression detection is on.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _configuration = RevitPerfOptimizer.CurrentConfiguration;
        try
        {
            _selection = new BenchmarkSelection(Suite, ParameterSetName == ScriptBlockSet ? null : Name);
        }
        catch (InvalidWildcardPatternException ex)
        {
            ThrowTerminatingError(Errors.InvalidWildcard(ex));
        }

        if (ParameterSetName == ScriptBlockSet)
        {
            if (Name.Length != 1)
            {
                ThrowTerminatingError(NewError(
                    new ArgumentException("An ad hoc benchmark (-ScriptBlock) takes exactly one -Name."),
                    ErrorIds.BenchmarkInvalidDefinition, ErrorCategory.InvalidArgument, Name));
            }

            var bound = MyInvocation.BoundParameters;
            _definitions.Add(new BenchmarkDefinition(Name[0], ScriptBlock!)
            {
                Suite = Suite.Length > 0 ? Suite[0] : "AdHoc",
                Setup = Setup,
                Teardown = Teardown,
                Validate = Validate,
                Iterations = _configuration.Optimization.BenchmarkTestIterations,
                WarmupIterations = _configuration.Optimization.BenchmarkWarmupIterations,
                InvocationsPerIteration = bound.ContainsKey(nameof(InvocationsPerIteration)) ? InvocationsPerIteration : null,
                TargetLatencyMs = bound.ContainsKey(nameof(TargetLatencyMs)) ? TargetLatencyMs : null,
                TargetMemoryMB = bound.ContainsKey(nameof(TargetMemoryMB)) ? TargetMemoryMB : null,
                TargetThroughputOpsPerSec = bound.ContainsKey(nameof(TargetThroughputOpsPerSec)) ? TargetThroughputOpsPerSec : null,
            });
        }
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case InputObjectSet:
                _definitions.AddRange(InputObject.Where(d => d is not null));
                break;
            case PathSet:
                _paths.AddRange(Path);
                break;
            case LiteralPathSet:
                _paths.AddRange(LiteralPath); // one value per piped item: collect them all
                break;
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var run = new BenchmarkRun(RunOptions(), Observer(), new BenchmarkEngine { IsFatal = ex => ex is PipelineStoppedException });
        using var worker = new ScriptBenchmarkWorker(run.Engine);
        BenchmarkRunSummary summary;
        try
        {
            switch (ParameterSetName)
            {
                case SuiteSet:
                    var specs = BuiltInSuites.Create(SelectedSuites(), _configuration, CurrentLauncher(), ModuleManifestPath())
                        .Where(s => _selection.Selects(s.Suite, s.Name)).ToList();
                    ReportUnmatchedNames(specs.Select(s => s.Name));
                    run.Run(specs.Select(s => new BenchmarkJob(s)).ToList(), worker, run.CreateSpecWorker, _cancellation.Token);
                    break;
                case PathSet:
                case LiteralPathSet:
                    RunFiles(run, worker);
                    break;
                default:
                    var selected = _definitions.Where(d => _selection.Selects(d.Suite, d.Name)).ToList();
                    ReportUnmatchedNames(selected.Select(d => d.Name));
                    RunDefinitions(run, worker, selected);
                    break;
            }
        }
        finally
        {
            // On every way out, a stop included: the results finished so far are written (a stopping pipeline takes
            // no more records, so the observer and these writes are quiet then).
            summary = run.Finish();
            if (!Stopping)
            {
                WriteProgress(new ProgressRecord(0, "Invoke-RevitBenchmark", "Done") { RecordType = ProgressRecordType.Completed });
                if (summary.ResultsFile is { } file)
                {
                    WriteVerbose($"Results written to {file}");
                }
            }
        }

        if (summary.ResultsFileError is { } error)
        {
            WriteError(NewError(error, ErrorIds.BenchmarkResultsWriteFailed, ErrorCategory.WriteError, _configuration.Benchmark.ResultsDirectory));
        }

        if (Publish && !Stopping && summary.Results.Count > 0)
        {
            PublishRuns(OpenStore(Store), RevitPerf.Core.Storage.ResultsRun.FromResults(summary.Results, Environment.UserName, Tag, null), writeOutcome: false);
        }

        if (summary.FailsRun)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException(TargetValidator.Describe(summary.Misses)), ErrorIds.BenchmarkTargetMissed, ErrorCategory.InvalidResult, summary.Misses.ToArray()));
        }
    }

    /// <inheritdoc/>
    protected override void StopProcessing() => _cancellation.Cancel();

    private BenchmarkRunOptions RunOptions()
    {
        var bound = MyInvocation.BoundParameters;
        var benchmark = _configuration.Benchmark;
        var options = new BenchmarkRunOptions(_configuration, CurrentEnvironment())
        {
            Parallel = bound.ContainsKey(nameof(Parallel)) ? Parallel.IsPresent : benchmark.ParallelExecution,
            ThrottleLimit = bound.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : benchmark.MaxWorkers,
            Strict = Strict,
            Rounds = Rounds,
            Baseline = LoadBaseline(),
            ResultsDirectory = benchmark.SaveResults ? ResolveFileSystemPath(benchmark.ResultsDirectory ?? ".") : null,
        };
        options.Overrides.Iterations = bound.ContainsKey(nameof(Iterations)) ? Iterations : null;
        options.Overrides.WarmupIterations = bound.ContainsKey(nameof(WarmupIterations)) ? WarmupIterations : null;
        options.Overrides.Timeout = bound.ContainsKey(nameof(TimeoutSeconds)) ? TimeSpan.FromSeconds(TimeoutSeconds) : null;
        return options;
    }

    private DelegateRunObserver Observer() => new()
    {
        OnStarting = (job, done, total) => WriteProgress(new ProgressRecord(0, "Invoke-RevitBenchmark", job.Label)
        {
            PercentComplete = total == 0 ? 0 : (int)(100.0 * done / total),
            CurrentOperation = $"Benchmark {done + 1} of {total}",
        }),
        OnCompleted = result => WriteTyped(result, ResultTypeName),
        OnWarning = message =>
        {
            if (!Stopping)
            {
                WriteWarning(message);
            }
        },
        OnFailed = (job, error) => WriteError(NewError(error, ErrorIds.BenchmarkRunFailed, ErrorCategory.InvalidOperation, job.Label)),
    };

    private IReadOnlyList<string> SelectedSuites()
    {
        var suites = _selection.BuiltInSuites(out var notFound);
        foreach (var name in notFound)
        {
            WriteError(NewError(
                new ItemNotFoundException($"There is no built-in benchmark suite '{name}'. The suites are All, {string.Join(", ", BuiltInSuites.Names)}; run benchmark files with -Path."),
                ErrorIds.BenchmarkSuiteNotFound, ErrorCategory.ObjectNotFound, name));
        }

        return suites;
    }

    private void RunFiles(BenchmarkRun run, IBenchmarkWorker worker)
    {
        // Parallel benchmarks run in runspaces of their own, which cannot see a file's scope: they run at the end.
        var parallel = new List<BenchmarkDefinition>();
        BenchmarkFileRun.RunAll(
            ResolveBenchmarkFiles(_paths, ParameterSetName == LiteralPathSet),
            definitions =>
            {
                var selected = definitions.Where(d => _selection.Selects(d.Suite, d.Name)).ToList();
                if (run.Options.Parallel)
                {
                    parallel.AddRange(selected);
                }
                else
                {
                    RunDefinitions(run, worker, selected);
                }
            },
            (file, ex) => WriteError(NewError(
                new InvalidOperationException($"The benchmark file '{file}' failed: {ScriptBlockWorkload.Describe(ex)}", ex),
                ErrorIds.BenchmarkFileFailed, ErrorCategory.InvalidOperation, file)),
            () => _cancellation.IsCancellationRequested);
        RunDefinitions(run, worker, parallel);
    }

    private void RunDefinitions(BenchmarkRun run, IBenchmarkWorker worker, IReadOnlyList<BenchmarkDefinition> definitions)
    {
        var manifest = ModuleManifestPath();
        run.Run(
            definitions.Select(d => new BenchmarkJob(d.Suite, d.Name, d)).ToList(), worker,
            () => new RunspaceBenchmarkWorker(run.Engine, Host, manifest), _cancellation.Token);
    }

    private IReadOnlyList<BenchmarkSamples>? LoadBaseline()
    {
        // -Baseline must exist; the configured baseline_file may not yet (the first run of a project).
        var benchmark = _configuration.Benchmark;
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Baseline)))
        {
            return ReadBenchmarkFile(Baseline!, ErrorIds.BaselineNotFound, ErrorIds.BaselineInvalid, terminating: true);
        }

        if (!benchmark.EnableRegressionDetection || string.IsNullOrWhiteSpace(benchmark.BaselineFile))
        {
            return null;
        }

        if (!File.Exists(ResolveFileSystemPath(benchmark.BaselineFile!)))
        {
            WriteWarning($"The baseline_file '{benchmark.BaselineFile}' does not exist yet; the run is not compared. Save one with Save-RevitBenchmarkBaseline.");
            return null;
        }

        return ReadBenchmarkFile(benchmark.BaselineFile!, ErrorIds.BaselineNotFound, ErrorIds.BaselineInvalid, terminating: true);
    }

    private IReadOnlyList<string> ResolveBenchmarkFiles(IEnumerable<string> paths, bool literal) =>
        ResolveExistingFiles(
            paths,
            literal,
            item => Directory.Exists(item)
                ? Directory.EnumerateFiles(item, "*.Benchmarks.ps1", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.OrdinalIgnoreCase)
                : File.Exists(item) ? new[] { item } : Array.Empty<string>(),
            path => NewError(
                new FileNotFoundException($"Cannot find benchmark files at '{path}' (a *.Benchmarks.ps1 file, or a folder holding some).", path),
                ErrorIds.BenchmarkFileNotFound, ErrorCategory.ObjectNotFound, path))
            .Distinct(StringComparer.Ordinal) // a file named twice (or found through two folders) runs once
            .ToList();

    private void ReportUnmatchedNames(IEnumerable<string> names)
    {
        foreach (var pattern in _selection.UnmatchedNames(names))
        {
            WriteError(NewError(new ItemNotFoundException($"No benchmark is named '{pattern}'."), ErrorIds.BenchmarkNotFound, ErrorCategory.ObjectNotFound, pattern));
        }
    }
}
