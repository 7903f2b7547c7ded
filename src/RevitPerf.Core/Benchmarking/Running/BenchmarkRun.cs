using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// One benchmark run as a whole: measures batches of jobs one at a time or on parallel workers within the suite's
/// time limit (timeout_seconds), compares each result with the baseline, and at the end writes the results file and
/// judges the targets. Everything it reports reaches the <see cref="IBenchmarkRunObserver"/> on the caller's thread.
/// </summary>
public sealed class BenchmarkRun
{
    private readonly BenchmarkRunOptions _options;
    private readonly IBenchmarkRunObserver _observer;
    private readonly List<BenchmarkResult> _results = new();
    private readonly List<MetricComparison> _comparisons = new();
    private readonly List<string> _notRun = new();
    private readonly DateTime _started;
    private int _total;
    private int _done;

    /// <summary>Starts a run: its time limit counts from now.</summary>
    public BenchmarkRun(BenchmarkRunOptions options, IBenchmarkRunObserver observer, BenchmarkEngine? engine = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        Engine = engine ?? new BenchmarkEngine();
        _started = DateTime.UtcNow;
        Deadline = Engine.DeadlineAfter(TimeSpan.FromSeconds(_options.Configuration.Benchmark.TimeoutSeconds));
    }

    /// <summary>The engine that measures.</summary>
    public BenchmarkEngine Engine { get; }

    /// <summary>The suite's deadline, a timestamp of the engine's clock.</summary>
    public long Deadline { get; }

    /// <summary>The options.</summary>
    public BenchmarkRunOptions Options => _options;

    /// <summary>The results so far.</summary>
    public IReadOnlyList<BenchmarkResult> Results => _results;

    /// <summary>A worker for built-in benchmarks (<see cref="BenchmarkSpec"/> jobs) on the calling thread.</summary>
    public IBenchmarkWorker CreateSpecWorker() => new SpecWorker(Engine);

    /// <summary>
    /// Measures <paramref name="jobs"/>: one at a time with <paramref name="worker"/>, or, when the run is parallel and
    /// <paramref name="createParallelWorker"/> is given, at once on up to ThrottleLimit workers it creates. Jobs the
    /// time limit leaves unstarted are named in the summary. Cancellation ends the batch with an
    /// <see cref="OperationCanceledException"/>; the results so far are kept for <see cref="Finish"/>.
    /// </summary>
    public void Run(IReadOnlyList<BenchmarkJob> jobs, IBenchmarkWorker worker, Func<IBenchmarkWorker>? createParallelWorker = null, CancellationToken cancellation = default)
    {
        if (jobs is null)
        {
            throw new ArgumentNullException(nameof(jobs));
        }

        if (worker is null)
        {
            throw new ArgumentNullException(nameof(worker));
        }

        _total += jobs.Count;
        if (jobs.Count == 0)
        {
            return;
        }

        using var latency = Tuning.GcLatencyScope.Enter(_options.Configuration.Optimization.GcOptimizationEnabled);
        if ((!_options.Parallel || createParallelWorker is null) && _options.Rounds > 1)
        {
            RunRounds(jobs, worker, cancellation);
            return;
        }

        if (!_options.Parallel || createParallelWorker is null)
        {
            var suite = Engine.RunSuite(
                jobs, Deadline, j => j.Label, j => worker.Measure(j, _options.Overrides, Deadline, cancellation),
                (j, _) => _observer.Starting(j, _done, _total), m => Complete(m));
            _notRun.AddRange(suite.NotRun);
            return;
        }

        var throttle = Math.Min(_options.ThrottleLimit, jobs.Count);
        _observer.Warning($"Running {jobs.Count} benchmarks {throttle} at a time: they compete for the processor and memory, so their figures are distorted. Leave out -Parallel for figures you compare.");
        var rounds = _options.Rounds;
        ParallelBenchmarkRunner.Run(
            jobs, throttle, rounds > 1 ? () => new RoundsWorker(createParallelWorker(), rounds, Engine) : createParallelWorker, _options.Overrides, Deadline, Engine.IsPast, cancellation,
            i => _observer.Starting(jobs[i], _done, _total),
            (i, measurement, error) =>
            {
                if (error is not null)
                {
                    _observer.Failed(jobs[i], error);
                }
                else if (measurement is not null && !(measurement.TimedOut && measurement.Attempts == 0))
                {
                    Complete(measurement);
                }
                else
                {
                    _notRun.Add(jobs[i].Label); // queued until the suite's time limit had passed
                }
            });
    }

    /// <summary>
    /// Ends the run: warns about what the time limit left out, writes the results file (when a folder is set and
    /// there is a result), and judges the targets. Call it on every way out, a stop included, so the results
    /// finished so far are kept.
    /// </summary>
    public BenchmarkRunSummary Finish()
    {
        var benchmark = _options.Configuration.Benchmark;
        if (_notRun.Count > 0)
        {
            _observer.Warning($"The suite's time limit (timeout_seconds = {benchmark.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s) ran out; not run: {string.Join(", ", _notRun)}. The finished results are kept.");
        }

        string? file = null;
        Exception? fileError = null;
        if (_options.ResultsDirectory is { } directory && _results.Count > 0)
        {
            try
            {
                file = BenchmarkResultsFile.Write(
                    directory, _started, _options.Configuration, _results, (DateTime.UtcNow - _started).TotalSeconds, _comparisons, MemoryAnalysis());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                fileError = ex;
            }
        }

        if (benchmark.EnableMemoryLeakDetection && RetainingBenchmarks() is { Count: > 0 } retaining)
        {
            _observer.Warning(string.Format(
                CultureInfo.InvariantCulture, "{0} kept more than memory_leak_threshold_mb ({1} MB) of managed memory after a full collection: worth a Test-RevitMemoryLeak.",
                string.Join(", ", retaining), benchmark.MemoryLeakThresholdMB));
        }

        var misses = TargetValidator.Check(_results);
        var strict = _options.Strict || benchmark.StrictTargetValidation;
        if (misses.Count > 0 && !strict)
        {
            var missed = misses.Select(m => m.Suite + "/" + m.Benchmark).Distinct().ToList();
            _observer.Warning($"{missed.Count} of {_results.Count} benchmarks missed a target: {string.Join(", ", missed)}. Pipe the results to Assert-RevitPerformanceTarget for the details.");
        }

        return new BenchmarkRunSummary(_results.ToList(), _comparisons.ToList(), _notRun.ToList(), misses, strict && misses.Count > 0, file, fileError);
    }

    // Round after round, every benchmark in turn, so that a stretch in which the machine runs slow meets one round of
    // several benchmarks rather than every round of one. A benchmark that failed, timed out or starts processes takes
    // no further round. Results are completed in the jobs' order, each once it and those before it have taken their
    // rounds; a stop or the suite's time limit completes what was measured so far (after a stop without writing to
    // the caller, who is stopping).
    private void RunRounds(IReadOnlyList<BenchmarkJob> jobs, IBenchmarkWorker worker, CancellationToken cancellation)
    {
        var measured = new List<BenchmarkMeasurement>?[jobs.Count];
        var done = new bool[jobs.Count];
        var next = 0;
        var stopped = true;
        try
        {
            for (var round = 0; round < _options.Rounds; round++)
            {
                for (var i = 0; i < jobs.Count; i++)
                {
                    if (done[i])
                    {
                        continue;
                    }

                    if (Engine.IsPast(Deadline))
                    {
                        stopped = false;
                        return;
                    }

                    _observer.Starting(jobs[i], _done, _total);
                    var measurement = worker.Measure(jobs[i], _options.Overrides, Deadline, cancellation);
                    (measured[i] ??= new List<BenchmarkMeasurement>()).Add(measurement);
                    done[i] = round == _options.Rounds - 1 || measurement.EndsRounds;
                    for (; next < jobs.Count && done[next]; next++)
                    {
                        Complete(BenchmarkMeasurement.Combine(measured[next]!));
                    }
                }
            }

            stopped = false;
        }
        finally
        {
            for (; next < jobs.Count; next++)
            {
                if (measured[next] is { } rounds)
                {
                    Complete(BenchmarkMeasurement.Combine(rounds), announce: !stopped);
                }
                else if (!stopped)
                {
                    _notRun.Add(jobs[next].Label);
                }
            }
        }
    }

    private void Complete(BenchmarkMeasurement measurement, bool announce = true)
    {
        _done++;
        var result = new BenchmarkResult(measurement, null, _options.Environment, DateTime.UtcNow - measurement.Elapsed);
        if (measurement.Successes > 0)
        {
            Metrics.RevitPerfMeter.RecordBenchmark(measurement.Suite, measurement.Name, result.MeanMs / 1000);
        }

        var observer = announce ? _observer : QuietObserver.Instance;
        if (_options.Baseline is { } baseline
            && BenchmarkComparer.FindBaseline(baseline, BenchmarkSamples.From(result)) is { } before)
        {
            var comparisons = new BenchmarkComparer(_options.Configuration.Benchmark.RegressionThresholdPercent).Compare(before, BenchmarkSamples.From(result));
            result.RecordComparison(comparisons);
            _comparisons.AddRange(comparisons);
            foreach (var slower in comparisons.Where(c => c.Verdict == ComparisonVerdict.Slower))
            {
                observer.Warning(string.Format(
                    CultureInfo.InvariantCulture, "{0}/{1}: {2} changed by {3:+0.0;-0.0} % against the baseline (p = {4:G3}): a {5} regression.",
                    slower.Suite, slower.Benchmark, slower.Metric, slower.ChangePercent, slower.PValue, slower.Severity));
            }

            foreach (var unsure in comparisons.Where(c => c.Verdict == ComparisonVerdict.Unsure))
            {
                observer.Warning(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}/{1}: {2} changed by {3:+0.0;-0.0} % against the baseline (p = {4:G3}), but not beyond how far separate launches differ (baseline launches: {5}): unsure. Save the baseline from several runs to decide.",
                    unsure.Suite, unsure.Benchmark, unsure.Metric, unsure.ChangePercent, unsure.PValue, before.LaunchMediansMs.Count));
            }
        }

        if (result.Note is { } note)
        {
            observer.Warning(result.Suite + "/" + result.Name + ": " + note + ".");
        }

        if (result.Iterations > 1 && result.ErrorMs > result.MeanMs && BenchmarkSamples.IsTimingJudged(result))
        {
            observer.Warning(string.Format(
                CultureInfo.InvariantCulture,
                "{0}/{1}: its time (mean {2:G3} ms, median {3:G3} ms) is within the noise of its measurement (± {4:G3} ms): it cannot be told apart from the cost of invoking it.",
                result.Suite, result.Name, result.MeanMs, result.MedianMs, result.ErrorMs));
        }

        _results.Add(result);
        observer.Completed(result);
    }

    private List<KeyValuePair<string, object?>> MemoryAnalysis()
    {
        var benchmark = _options.Configuration.Benchmark;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var analysis = new List<KeyValuePair<string, object?>>
        {
            new("memory_tracking", benchmark.EnableMemoryTracking),
            new("process_working_set_mb", process.WorkingSet64 / Units.BytesPerMB),
            new("managed_heap_mb", GC.GetTotalMemory(false) / Units.BytesPerMB),
            new("peak_benchmark_memory_mb", _results.Count == 0 ? 0 : _results.Max(r => r.PeakMemoryMB)),
        };
        if (benchmark.EnableMemoryLeakDetection)
        {
            // A benchmark that kept more than the leak threshold after a full collection is worth a leak test.
            analysis.Add(new("leak_threshold_mb", benchmark.MemoryLeakThresholdMB));
            analysis.Add(new("over_threshold", RetainingBenchmarks()));
        }

        return analysis;
    }

    private List<string> RetainingBenchmarks() =>
        _results.Where(r => r.RetainedMemoryMB > _options.Configuration.Benchmark.MemoryLeakThresholdMB).Select(r => r.Suite + "/" + r.Name).ToList();

    // What a stopped run tells nobody: the caller is stopping and can take no more output.
    private sealed class QuietObserver : IBenchmarkRunObserver
    {
        public static readonly QuietObserver Instance = new();

        public void Starting(BenchmarkJob job, int done, int total)
        {
        }

        public void Completed(BenchmarkResult result)
        {
        }

        public void Warning(string message)
        {
        }

        public void Failed(BenchmarkJob job, Exception error)
        {
        }
    }
}
