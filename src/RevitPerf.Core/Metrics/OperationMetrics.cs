using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Metrics;

/// <summary>
/// Per-operation latency metrics (RevitPy's operation metrics): for each operation name the newest durations (1,000,
/// cut to the newest 500), the count, failures and total, with percentiles by the one definition RevitPerf uses;
/// and a ring of periodic <see cref="MetricsSummary"/> samples. Thread-safe. Names compare without regard to case.
/// Every recording also goes to the <c>revitperf.operation.duration</c> histogram of <see cref="RevitPerfMeter"/>.
/// </summary>
public sealed class OperationMetrics
{
    /// <summary>RevitPy's history size: at this many kept durations an operation's window is cut.</summary>
    public const int HistoryCapacity = 1000;

    /// <summary>RevitPy's trim: the newest this many durations are kept when the window is cut.</summary>
    public const int HistoryKept = 500;

    /// <summary>How many periodic summary samples are kept (at the default 30 s interval, 6 hours).</summary>
    public const int SampleCapacity = 720;

    private readonly ConcurrentDictionary<string, OperationRecorder> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, OperationRecorder> _create;
    private readonly Queue<MetricsSummary> _samples = new();
    private readonly IClock _clock;
    private volatile bool _enabled = true;
    private long _startTimestamp;
    private DateTime _startedAt;

    /// <summary>Creates empty metrics that read time from <paramref name="clock"/>.</summary>
    public OperationMetrics(IClock? clock = null)
    {
        _clock = clock ?? SystemClock.Instance;
        _create = name => new OperationRecorder(name, HistoryCapacity, HistoryKept);
        _startTimestamp = _clock.Timestamp;
        _startedAt = _clock.UtcNow;
    }

    /// <summary>enable_metrics_collection: while false, <see cref="Record"/> keeps nothing.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>When the metrics started: created, or last reset entirely (UTC).</summary>
    public DateTime StartedAt => _startedAt;

    /// <summary>Time since the metrics started.</summary>
    public TimeSpan Uptime => _clock.Since(_startTimestamp);

    /// <summary>
    /// Records one run of <paramref name="operation"/>: its duration, whether it succeeded and, where the runtime
    /// tells, the bytes it allocated. Returns false (and keeps nothing) while disabled.
    /// </summary>
    public bool Record(string operation, TimeSpan duration, bool succeeded = true, long? allocatedBytes = null)
    {
        if (string.IsNullOrEmpty(operation))
        {
            throw new ArgumentException("An operation needs a name.", nameof(operation));
        }

        if (!_enabled)
        {
            return false;
        }

        // A clock step must not record a negative time: a run takes no less than nothing.
        var milliseconds = Math.Max(0, duration.TotalMilliseconds);
        _operations.GetOrAdd(operation, _create).Record(milliseconds, succeeded, allocatedBytes, _clock.UtcNow);
        RevitPerfMeter.RecordOperation(operation, milliseconds / 1000.0, succeeded);
        return true;
    }

    /// <summary>The names of the operations measured so far, sorted.</summary>
    public IReadOnlyList<string> Names => _operations.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>
    /// One row per operation whose name matches one of <paramref name="patterns"/> (wildcards, case-insensitive; all
    /// when null or empty), sorted by name. Throws <see cref="InvalidWildcardPatternException"/> for a bad pattern.
    /// </summary>
    public IReadOnlyList<OperationStatistics> GetStatistics(IEnumerable<string>? patterns = null)
        => Matching(patterns).Select(r => r.Snapshot()).ToArray();

    /// <summary>The figures of one operation, or null when it was never measured.</summary>
    public OperationStatistics? Find(string operation)
        => _operations.TryGetValue(operation ?? throw new ArgumentNullException(nameof(operation)), out var recorder) ? recorder.Snapshot() : null;

    /// <summary>
    /// Forgets the operations matching <paramref name="patterns"/> (all when null or empty; then the uptime, the
    /// counts and the sample ring start again too). Returns how many operations were forgotten.
    /// </summary>
    public int Reset(IEnumerable<string>? patterns = null)
    {
        var all = patterns is null || !patterns.Any();
        var removed = 0;
        foreach (var recorder in Matching(patterns))
        {
            if (_operations.TryRemove(recorder.Name, out _))
            {
                removed++;
            }
        }

        if (all)
        {
            lock (_samples)
            {
                _samples.Clear();
                _startTimestamp = _clock.Timestamp;
                _startedAt = _clock.UtcNow;
            }
        }

        return removed;
    }

    /// <summary>Runs and failures over all operations.</summary>
    public (long Operations, long Failures) Totals
    {
        get
        {
            long operations = 0, failures = 0;
            foreach (var recorder in _operations.Values)
            {
                var (count, failed) = recorder.Counts;
                operations += count;
                failures += failed;
            }

            return (operations, failures);
        }
    }

    /// <summary>The periodic summary samples kept, oldest first (at most <see cref="SampleCapacity"/>).</summary>
    public IReadOnlyList<MetricsSummary> History
    {
        get
        {
            lock (_samples)
            {
                return _samples.ToArray();
            }
        }
    }

    /// <summary>Adds a summary sample to the ring, dropping the oldest beyond <see cref="SampleCapacity"/>.</summary>
    public void AddSample(MetricsSummary sample)
    {
        lock (_samples)
        {
            _samples.Enqueue(sample ?? throw new ArgumentNullException(nameof(sample)));
            while (_samples.Count > SampleCapacity)
            {
                _samples.Dequeue();
            }
        }
    }

    /// <summary>The newest sample, or null before the first.</summary>
    internal MetricsSummary? LastSample
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count == 0 ? null : _samples.Last();
            }
        }
    }

    private IEnumerable<OperationRecorder> Matching(IEnumerable<string>? patterns)
    {
        var matchers = (patterns ?? Array.Empty<string>())
            .Select(p => new WildcardMatcher(p ?? throw new ArgumentNullException(nameof(patterns)), ignoreCase: true))
            .ToArray();
        return _operations.Values
            .Where(r => matchers.Length == 0 || matchers.Any(m => m.IsMatch(r.Name)))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}
