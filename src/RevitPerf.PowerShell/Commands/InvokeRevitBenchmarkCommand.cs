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
using RevitPerf.PowerShell.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs benchmarks (the built-in suites, *.Benchmarks.ps1 files, New-RevitBenchmark definitions or one script block)
/// and writes one flat result per benchmark; optionally compares with a baseline, saves the run as JSON and fails on
/// a missed target.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitBenchmark", DefaultParameterSetName = SuiteSet)]
[OutputType(typeof(BenchmarkResult))]
public sealed class InvokeRevitBenchmarkCommand : RevitPerfCmdlet
{
    private const string SuiteSet = "Suite";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string ScriptBlockSet = "ScriptBlock";
    private const string InputObjectSet = "InputObject";

    /// <summary>The type name results carry for views and PSTypeName checks.</summary>
    public const string ResultTypeName = "RevitPerf.BenchmarkResult";

    private readonly List<BenchmarkDefinition> _definitions = new();
    private readonly List<string> _paths = new();
    private readonly List<BenchmarkResult> _results = new();
    private readonly List<MetricComparison> _comparisons = new();
    private readonly List<string> _notRun = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly object _gate = new();
    private List<System.Management.Automation.PowerShell>? _parallel;

    // Reference types only: PowerShell lays out this class before OnImport installs the resolver, and only a field
    // of a RevitPerf.Core value type would make it load RevitPerf.Core then.
    private BenchmarkEngine _engine = null!;
    private BenchmarkEnvironment _environment = null!;
    private PerformanceConfiguration _configuration = null!;
    private IReadOnlyList<BenchmarkSamples>? _baseline;
    private BenchmarkSettings _settings = null!;
    private DateTime _started;
    private long _deadline;
    private int _total;
    private int _done;

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

    /// <summary>Runs benchmarks at once in separate runspaces (distorts the figures; off by default).</summary>
    [Parameter]
    public SwitchParameter Parallel { get; set; }

    /// <summary>Benchmarks run at once with -Parallel; by default max_workers.</summary>
    [Parameter]
    [ValidateRange(1, 512)]
    public int ThrottleLimit { get; set; }

    /// <summary>Makes a missed target a terminating error naming every miss (as strict_target_validation does).</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>A baseline or results file to compare the run with; by default baseline_file when regression detection is on.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        _started = DateTime.UtcNow;
        _configuration = RevitPerfOptimizer.CurrentConfiguration;
        var bound = MyInvocation.BoundParameters;
        _settings = new BenchmarkSettings
        {
            Iterations = bound.ContainsKey(nameof(Iterations)) ? Iterations : null,
            WarmupIterations = bound.ContainsKey(nameof(WarmupIterations)) ? WarmupIterations : null,
            TimeoutSeconds = bound.ContainsKey(nameof(TimeoutSeconds)) ? TimeoutSeconds : null,
            TrackMemory = _configuration.Benchmark.EnableMemoryTracking,
        };
        _engine = new BenchmarkEngine { IsFatal = ex => ex is PipelineStoppedException };
        _environment = new BenchmarkEnvironment(
            (SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.Hashtable)?["PSVersion"]?.ToString() ?? string.Empty,
            (SessionState.PSVariable.GetValue("PSEdition") as string) ?? string.Empty,
            MyInvocation.MyCommand.Module?.Version?.ToString() ?? string.Empty);
        _baseline = LoadBaseline();

        if (ParameterSetName == ScriptBlockSet)
        {
            if (Name.Length != 1)
            {
                ThrowTerminatingError(NewError(
                    new ArgumentException("An ad hoc benchmark (-ScriptBlock) takes exactly one -Name."),
                    ErrorIds.BenchmarkInvalidDefinition, ErrorCategory.InvalidArgument, Name));
            }

            _definitions.Add(new BenchmarkDefinition(Name[0], ScriptBlock!)
            {
                Suite = Suite.Length > 0 ? Suite[0] : "AdHoc",
                Setup = Setup,
                Teardown = Teardown,
                Validate = Validate,
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
        _deadline = _engine.DeadlineAfter(TimeSpan.FromSeconds(_configuration.Benchmark.TimeoutSeconds));
        try
        {
            switch (ParameterSetName)
            {
                case SuiteSet:
                    RunBuiltIn();
                    break;
                case PathSet:
                case LiteralPathSet:
                    RunFiles(ParameterSetName == LiteralPathSet);
                    break;
                default:
                    RunDefinitions(_definitions.Where(d => ParameterSetName == ScriptBlockSet || (Matches(Suite, d.Suite) && Matches(Name, d.Name))).ToList(), null);
                    break;
            }
        }
        finally
        {
            WriteProgress(new ProgressRecord(0, "Invoke-RevitBenchmark", "Done") { RecordType = ProgressRecordType.Completed });
        }

        Finish();
    }

    /// <inheritdoc/>
    protected override void StopProcessing()
    {
        _cancellation.Cancel();
        lock (_gate)
        {
            foreach (var ps in _parallel ?? new List<System.Management.Automation.PowerShell>())
            {
                ps.BeginStop(null, null);
            }
        }
    }

    private void RunBuiltIn()
    {
        var requested = Suite.Length == 0 ? new[] { BenchmarkSuiteCompleter.All } : Suite;
        var suites = new List<string>();
        foreach (var pattern in requested)
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            var matched = string.Equals(pattern, BenchmarkSuiteCompleter.All, StringComparison.OrdinalIgnoreCase)
                ? BuiltInSuites.Names.ToList()
                : BuiltInSuites.Names.Where(wildcard.IsMatch).ToList();
            if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(NewError(
                    new ItemNotFoundException($"There is no built-in benchmark suite '{pattern}'. The suites are All, {string.Join(", ", BuiltInSuites.Names)}; run benchmark files with -Path."),
                    ErrorIds.BenchmarkSuiteNotFound, ErrorCategory.ObjectNotFound, pattern));
            }

            suites.AddRange(matched.Where(m => !suites.Contains(m)));
        }

        var home = SessionState.PSVariable.GetValue("PSHOME") as string ?? string.Empty;
        var desktop = string.Equals(SessionState.PSVariable.GetValue("PSEdition") as string, "Desktop", StringComparison.OrdinalIgnoreCase);
        string? processPath;
        using (var current = System.Diagnostics.Process.GetCurrentProcess())
        {
            processPath = current.MainModule?.FileName;
        }

        var specs = BuiltInSuites.Create(
                BuiltInSuites.Names.Where(suites.Contains), _configuration, PowerShellLauncher.ForHome(home, desktop, processPath), ModuleManifestPath())
            .Where(s => Matches(Name, s.Name))
            .ToList();
        WarnUnmatchedNames(specs.Select(s => s.Name));
        foreach (var spec in specs)
        {
            _settings.Apply(spec);
        }

        _total = specs.Count;
        if (Parallel)
        {
            RunParallel(specs.Select(s => (s.Suite + "/" + s.Name, (object)new SpecRun(_engine, s, _deadline, _cancellation.Token))).ToList());
            return;
        }

        var run = _engine.RunSuite(
            specs, _deadline, s => s.Suite + "/" + s.Name, s => _engine.Run(s, _deadline, _cancellation.Token),
            (s, _) => Progress(s.Suite, s.Name, null), Complete);
        _notRun.AddRange(run.NotRun);
    }

    private void RunFiles(bool literal)
    {
        var files = ResolveBenchmarkFiles(_paths, literal);
        var wrapper = ScriptBlock.Create(BenchmarkFileRun.Script);
        var parallelJobs = new List<BenchmarkDefinition>();
        var index = 0;
        foreach (var file in files)
        {
            index++;
            var run = new BenchmarkFileRun(file, definitions =>
            {
                var selected = definitions.Where(d => Matches(Suite, d.Suite) && Matches(Name, d.Name)).ToList();
                if (Parallel)
                {
                    parallelJobs.AddRange(selected);
                }
                else
                {
                    RunDefinitions(selected, string.Format(CultureInfo.InvariantCulture, "{0} ({1} of {2})", System.IO.Path.GetFileName(file), index, files.Count));
                }
            });

            try
            {
                wrapper.Invoke(run);
            }
            catch (RuntimeException ex) when (ex is not PipelineStoppedException && !_cancellation.IsCancellationRequested)
            {
                WriteError(NewError(
                    new InvalidOperationException($"The benchmark file '{file}' failed: {ScriptBlockWorkload.Describe(ex)}", ex),
                    ErrorIds.BenchmarkFileFailed, ErrorCategory.InvalidOperation, file));
            }
        }

        if (Parallel)
        {
            RunDefinitions(parallelJobs, null);
        }
    }

    private void RunDefinitions(IReadOnlyList<BenchmarkDefinition> definitions, string? file)
    {
        if (ParameterSetName != PathSet && ParameterSetName != LiteralPathSet)
        {
            WarnUnmatchedNames(definitions.Select(d => d.Name));
        }

        _total += definitions.Count;
        if (Parallel)
        {
            RunParallel(definitions.Select(d => (d.Suite + "/" + d.Name, (object)Rebound(d))).ToList());
            return;
        }

        var wrapper = ScriptBlock.Create(ScriptBenchmarkRun.Script);
        var suite = _engine.RunSuite(
            definitions,
            _deadline,
            d => d.Suite + "/" + d.Name,
            d =>
            {
                var run = new ScriptBenchmarkRun(_engine, d, _settings, _deadline, _cancellation.Token);
                wrapper.Invoke(run);
                return run.Measurement!;
            },
            (d, _) => Progress(d.Suite, d.Name, file),
            Complete);
        _notRun.AddRange(suite.NotRun);
    }

    private ScriptBenchmarkRun Rebound(BenchmarkDefinition d)
    {
        // A script block belongs to the runspace that made it; another runspace gets unbound copies of its text.
        static ScriptBlock? Copy(ScriptBlock? block) => block is null ? null : ScriptBlock.Create(block.ToString());
        var copy = new BenchmarkDefinition(d.Name, Copy(d.ScriptBlock)!)
        {
            Suite = d.Suite,
            Setup = Copy(d.Setup),
            Teardown = Copy(d.Teardown),
            Validate = Copy(d.Validate),
            Iterations = d.Iterations,
            WarmupIterations = d.WarmupIterations,
            TimeoutSeconds = d.TimeoutSeconds,
            InvocationsPerIteration = d.InvocationsPerIteration,
            TargetLatencyMs = d.TargetLatencyMs,
            TargetMemoryMB = d.TargetMemoryMB,
            TargetThroughputOpsPerSec = d.TargetThroughputOpsPerSec,
            Source = d.Source,
        };
        return new ScriptBenchmarkRun(_engine, copy, _settings, _deadline, _cancellation.Token);
    }

    private void RunParallel(IReadOnlyList<(string Label, object Run)> jobs)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        var throttle = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : _configuration.Benchmark.MaxWorkers;
        WriteWarning($"Running {jobs.Count} benchmarks {Math.Min(throttle, jobs.Count)} at a time: they compete for the processor and memory, so their figures are distorted. Leave out -Parallel for figures you compare.");
        var state = InitialSessionState.CreateDefault2();
        if (ModuleManifestPath() is { } manifest)
        {
            state.ImportPSModule(new[] { manifest });
        }

        using var pool = RunspaceFactory.CreateRunspacePool(1, throttle, state, Host);
        pool.Open();
        var started = new List<(System.Management.Automation.PowerShell Shell, IAsyncResult Handle, object Run)>();
        lock (_gate)
        {
            _parallel = new List<System.Management.Automation.PowerShell>();
            foreach (var (_, run) in jobs)
            {
                var shell = System.Management.Automation.PowerShell.Create();
                shell.RunspacePool = pool;
                shell.AddScript(run is ScriptBenchmarkRun ? ScriptBenchmarkRun.Script : "param($__RevitPerfRun) $__RevitPerfRun.Measure()").AddArgument(run);
                _parallel.Add(shell);
                started.Add((shell, shell.BeginInvoke(), run));
            }
        }

        try
        {
            // Results are written in the order the benchmarks were listed, not the order they finished.
            for (var i = 0; i < started.Count; i++)
            {
                var (shell, handle, run) = started[i];
                WriteProgress(new ProgressRecord(0, "Invoke-RevitBenchmark", $"Waiting for {jobs[i].Label}")
                {
                    PercentComplete = (int)(100.0 * _done / Math.Max(1, _total)),
                    CurrentOperation = $"{_done} of {_total} benchmarks finished ({jobs.Count} in parallel)",
                });
                try
                {
                    shell.EndInvoke(handle);
                }
                catch (RuntimeException ex) when (ex is not PipelineStoppedException)
                {
                    WriteError(NewError(ex, ErrorIds.BenchmarkRunFailed, ErrorCategory.InvalidOperation, jobs[i].Label));
                    continue;
                }

                var measured = (run as ScriptBenchmarkRun)?.Measurement ?? (run as SpecRun)?.Measurement;
                if (measured is { } measurement && !(measurement.TimedOut && measurement.Attempts == 0))
                {
                    Complete(measurement);
                }
                else
                {
                    _notRun.Add(jobs[i].Label); // queued until the suite's time limit had passed
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                foreach (var (shell, _, _) in started)
                {
                    shell.Dispose();
                }

                _parallel = null;
            }
        }
    }

    private void Progress(string suite, string name, string? file) =>
        WriteProgress(new ProgressRecord(0, "Invoke-RevitBenchmark", file is null ? $"{suite}/{name}" : $"{file}: {suite}/{name}")
        {
            PercentComplete = _total == 0 ? 0 : (int)(100.0 * _done / _total),
            CurrentOperation = $"Benchmark {_done + 1} of {_total}",
        });

    private void Complete(BenchmarkMeasurement measurement)
    {
        _done++;
        var result = new BenchmarkResult(measurement, null, _environment, DateTime.UtcNow - measurement.Elapsed);
        if (_baseline is { } baseline)
        {
            var current = BenchmarkSamples.From(result);
            if (BenchmarkComparer.FindBaseline(baseline, current) is { } before)
            {
                var comparisons = new BenchmarkComparer(_configuration.Benchmark.RegressionThresholdPercent).Compare(before, current);
                result.RecordComparison(comparisons);
                _comparisons.AddRange(comparisons);
                foreach (var slower in comparisons.Where(c => c.Verdict == ComparisonVerdict.Slower))
                {
                    WriteWarning(string.Format(
                        CultureInfo.InvariantCulture, "{0}/{1}: {2} changed by {3:+0.0;-0.0} % against the baseline (p = {4:G3}): a {5} regression.",
                        slower.Suite, slower.Benchmark, slower.Metric, slower.ChangePercent, slower.PValue, slower.Severity));
                }
            }
        }

        _results.Add(result);
        var output = PSObject.AsPSObject(result);
        output.TypeNames.Insert(0, ResultTypeName);
        WriteObject(output);
    }

    private void Finish()
    {
        if (_notRun.Count > 0)
        {
            WriteWarning($"The suite's time limit (timeout_seconds = {_configuration.Benchmark.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s) ran out; not run: {string.Join(", ", _notRun)}. The finished results are kept.");
        }

        var benchmark = _configuration.Benchmark;
        if (benchmark.SaveResults && _results.Count > 0)
        {
            try
            {
                var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(benchmark.ResultsDirectory ?? ".");
                var file = BenchmarkResultsFile.Write(
                    directory, _started, _configuration, _results, (DateTime.UtcNow - _started).TotalSeconds, _comparisons, MemoryAnalysis());
                WriteVerbose($"Results written to {file}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                WriteError(NewError(ex, ErrorIds.BenchmarkResultsWriteFailed, ErrorCategory.WriteError, benchmark.ResultsDirectory));
            }
        }

        var misses = TargetValidator.Check(_results);
        if (misses.Count == 0)
        {
            return;
        }

        if (Strict || benchmark.StrictTargetValidation)
        {
            var record = NewError(
                new InvalidOperationException(TargetValidator.Describe(misses)),
                ErrorIds.BenchmarkTargetMissed, ErrorCategory.InvalidResult, misses.ToArray());
            ThrowTerminatingError(record);
        }

        var missed = misses.Select(m => m.Suite + "/" + m.Benchmark).Distinct().ToList();
        WriteWarning($"{missed.Count} of {_results.Count} benchmarks missed a target: {string.Join(", ", missed)}. Pipe the results to Assert-RevitPerformanceTarget for the details.");
    }

    private List<KeyValuePair<string, object?>> MemoryAnalysis()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var analysis = new List<KeyValuePair<string, object?>>
        {
            new("memory_tracking", _configuration.Benchmark.EnableMemoryTracking),
            new("process_working_set_mb", process.WorkingSet64 / (1024.0 * 1024.0)),
            new("managed_heap_mb", GC.GetTotalMemory(false) / (1024.0 * 1024.0)),
            new("peak_benchmark_memory_mb", _results.Count == 0 ? 0 : _results.Max(r => r.PeakMemoryMB)),
        };
        if (_configuration.Benchmark.EnableMemoryLeakDetection)
        {
            // A benchmark whose managed heap grew past the leak threshold while it ran is worth a leak test.
            var threshold = _configuration.Benchmark.MemoryLeakThresholdMB;
            analysis.Add(new("leak_threshold_mb", threshold));
            analysis.Add(new("over_threshold", _results.Where(r => r.PeakMemoryMB > threshold).Select(r => r.Suite + "/" + r.Name).ToList()));
        }

        return analysis;
    }

    private IReadOnlyList<BenchmarkSamples>? LoadBaseline()
    {
        var given = MyInvocation.BoundParameters.ContainsKey(nameof(Baseline));
        var path = given ? Baseline : _configuration.Benchmark.EnableRegressionDetection ? _configuration.Benchmark.BaselineFile : null;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        if (!File.Exists(full))
        {
            var missing = NewError(new FileNotFoundException($"Cannot find the baseline file '{path}'.", full), ErrorIds.BaselineNotFound, ErrorCategory.ObjectNotFound, path);
            if (given)
            {
                ThrowTerminatingError(missing);
            }

            WriteWarning($"The baseline_file '{path}' does not exist yet; the run is not compared. Save one with Save-RevitBenchmarkBaseline.");
            return null;
        }

        try
        {
            return BenchmarkBaselineFile.Read(full);
        }
        catch (BenchmarkFileException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.BaselineInvalid, ErrorCategory.InvalidData, path));
            return null;
        }
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

    private void WarnUnmatchedNames(IEnumerable<string> names)
    {
        var all = names.ToList();
        foreach (var pattern in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
        {
            if (!all.Any(n => string.Equals(n, pattern, StringComparison.OrdinalIgnoreCase)) && ParameterSetName != ScriptBlockSet)
            {
                WriteError(NewError(
                    new ItemNotFoundException($"No benchmark is named '{pattern}'."),
                    ErrorIds.BenchmarkNotFound, ErrorCategory.ObjectNotFound, pattern));
            }
        }
    }

    private string? ModuleManifestPath()
    {
        var module = MyInvocation.MyCommand.Module;
        if (module is null)
        {
            return null;
        }

        var manifest = System.IO.Path.Combine(module.ModuleBase, module.Name + ".psd1");
        return File.Exists(manifest) ? manifest : module.Path;
    }

    private static bool Matches(string[] patterns, string value) =>
        patterns.Length == 0 || patterns.Any(p => new WildcardPattern(p, WildcardOptions.IgnoreCase).IsMatch(value));
}
