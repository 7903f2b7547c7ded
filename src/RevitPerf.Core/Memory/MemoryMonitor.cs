using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Samples one process into a ring of the newest snapshots on a scheduled job (no sleeping thread) and raises, escalates and
/// resolves alerts from the average of the newest snapshots and their growth rate. Snapshots are taken outside the
/// lock; alert events and the critical action run after it is released, so a handler may call back into the
/// monitor. Tests drive it with <see cref="SampleNow"/>, a scripted probe and a manual clock.
/// </summary>
public sealed class MemoryMonitor : INamedObject, IDisposable
{
    private const int AlertHistory = 1000;
    private static int s_nextAlertId;

    private readonly MonitorOptions _options;
    private readonly IProcessProbe _probe;
    private readonly IClock _clock;
    private readonly BackgroundScheduler _scheduler;
    private readonly bool _ownsScheduler;
    private readonly object _gate = new();
    private readonly MemorySnapshot[] _ring;
    private readonly List<PerformanceAlert> _alerts = new();
    private int _next;
    private int _count;
    private long _taken;
    private PerformanceAlert? _memoryAlert;
    private PerformanceAlert? _growthAlert;
    private ScheduledJob? _job;
    private volatile bool _stopped = true;

    /// <summary>
    /// Creates a stopped monitor; <see cref="Start"/> schedules its sampling on <paramref name="scheduler"/> (the
    /// optimizer's, so that disposing the optimizer stops it; without one the monitor keeps a scheduler of its own).
    /// </summary>
    public MemoryMonitor(MonitorOptions options, IProcessProbe probe, IClock? clock = null, BackgroundScheduler? scheduler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        _clock = clock ?? SystemClock.Instance;
        _ownsScheduler = scheduler is null;
        _scheduler = scheduler ?? new BackgroundScheduler();
        _ring = new MemorySnapshot[_options.Capacity];
    }

    /// <summary>Raised after an alert is raised, escalated or resolved (on the sampling thread, outside the lock).</summary>
    public event EventHandler<AlertEventArgs>? AlertChanged;

    /// <summary>Raised once each time the monitor stops sampling, on the thread that stopped it.</summary>
    public event EventHandler? Stopped;

    /// <summary>The monitor's name.</summary>
    public string Name => _options.Name;

    /// <summary>The process watched.</summary>
    public int ProcessId => _probe.ProcessId;

    /// <summary>Its name.</summary>
    public string ProcessName => _probe.ProcessName;

    /// <summary>True for a monitor of the process it runs in.</summary>
    public bool IsCurrentProcess => _probe.IsCurrentProcess;

    /// <summary>Time between snapshots.</summary>
    public TimeSpan Interval => _options.Interval;

    /// <summary>The thresholds and windows.</summary>
    public MonitorOptions Options => _options;

    /// <summary>True while it samples.</summary>
    public bool IsRunning => !_stopped;

    /// <summary>When the monitor started (UTC), or null before.</summary>
    public DateTime? StartedAt { get; private set; }

    /// <summary>Snapshots taken since the start (the ring keeps the newest <see cref="MonitorOptions.Capacity"/>).</summary>
    public long SnapshotsTaken => Interlocked.Read(ref _taken);

    /// <summary>Why the monitor stopped by itself (the process exited), or null.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Starts sampling every <see cref="Interval"/>, the first snapshot at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                return;
            }

            _stopped = false;
            StartedAt = _clock.UtcNow;
            StopReason = null;

            // The job never overlaps its runs: a slow snapshot makes the next tick skip, not queue.
            _job = _scheduler.Schedule("MemoryMonitor:" + Name, _options.Interval, Tick, runNow: true);
        }
    }

    /// <summary>
    /// Stops sampling. Returns once any snapshot in progress has finished, or after at most <paramref name="wait"/>
    /// (100 ms by default): a snapshot takes about a millisecond and checks the flag first. Called from the monitor's
    /// own sampling (the process exited), it returns at once.
    /// </summary>
    public void Stop(TimeSpan? wait = null)
    {
        ScheduledJob? job;
        lock (_gate)
        {
            _stopped = true;
            job = _job;
            _job = null;
        }

        if (job is not null)
        {
            job.Stop(wait ?? TimeSpan.FromMilliseconds(100));
            Stopped?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Takes a snapshot now, stores it and judges the alerts; null when the process has gone (the monitor stops).</summary>
    public MemorySnapshot? SampleNow()
    {
        MemorySnapshot snapshot;
        try
        {
            snapshot = _probe.Take();
        }
        catch (ProcessGoneException ex)
        {
            StopReason = ex.Message;
            Stop(TimeSpan.Zero);
            return null;
        }

        snapshot.Monitor = _options.Name;
        snapshot.Timestamp = _clock.UtcNow;
        List<AlertEventArgs> changes;
        lock (_gate)
        {
            _ring[_next] = snapshot;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            Interlocked.Increment(ref _taken);
            changes = Judge(snapshot.Timestamp);
        }

        // Outside the lock: a handler may read the monitor, acknowledge, or even stop it.
        foreach (var change in changes)
        {
            AlertChanged?.Invoke(this, change);
            if (change.Alert.Kind == AlertKind.Memory && change.Alert.Severity == AlertSeverity.Critical && change.Change != AlertChange.Resolved)
            {
                _options.OnCritical?.Invoke();
            }
        }

        return snapshot;
    }

    /// <summary>The stored snapshots, oldest first: the newest <paramref name="last"/>, and none before <paramref name="since"/>.</summary>
    public IReadOnlyList<MemorySnapshot> GetSnapshots(int? last = null, DateTime? since = null)
    {
        MemorySnapshot[] all;
        lock (_gate)
        {
            all = Ordered();
        }

        IEnumerable<MemorySnapshot> selected = all;
        if (since is { } from)
        {
            selected = selected.Where(s => s.Timestamp >= from.ToUniversalTime());
        }

        var list = selected.ToList();
        return last is { } n && n < list.Count ? list.Skip(list.Count - n).ToList() : list;
    }

    /// <summary>Copies of the alerts, oldest first; resolved ones too when asked.</summary>
    public IReadOnlyList<PerformanceAlert> GetAlerts(bool includeResolved = false)
    {
        lock (_gate)
        {
            return _alerts.Where(a => includeResolved || a.IsActive).Select(a => a.Clone()).ToList();
        }
    }

    /// <summary>Acknowledges alert <paramref name="id"/>; false when this monitor has no such alert.</summary>
    public bool Acknowledge(int id)
    {
        lock (_gate)
        {
            var alert = _alerts.FirstOrDefault(a => a.Id == id);
            if (alert is null)
            {
                return false;
            }

            alert.Acknowledged = true;
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        if (_ownsScheduler)
        {
            _scheduler.Dispose();
        }
    }

    private void Tick()
    {
        if (!_stopped)
        {
            // A failing handler or probe is recorded by the job (its LastError); the next tick tries again.
            SampleNow();
        }
    }

    private MemorySnapshot[] Ordered() => Newest(_count);

    // The newest n snapshots, oldest first; alerts need only a window of them, not a copy of the whole ring.
    private MemorySnapshot[] Newest(int n)
    {
        n = Math.Min(n, _count);
        var result = new MemorySnapshot[n];
        var start = (_next - n + _ring.Length) % _ring.Length;
        for (var i = 0; i < n; i++)
        {
            result[i] = _ring[(start + i) % _ring.Length];
        }

        return result;
    }

    // Called under the lock. Returns the changes as copies, to be announced after the lock is released.
    private List<AlertEventArgs> Judge(DateTime now)
    {
        var changes = new List<AlertEventArgs>();
        if (_count < _options.MinimumSamples)
        {
            return changes;
        }

        var window = Newest(_options.Window);
        var average = window.Average(s => s.WorkingSetMB);
        var severity = _options.CriticalThresholdMB is { } critical && average >= critical ? AlertSeverity.Critical
            : _options.WarningThresholdMB is { } warning && average >= warning ? AlertSeverity.Warning
            : (AlertSeverity?)null;
        var threshold = severity == AlertSeverity.Critical ? _options.CriticalThresholdMB ?? 0 : _options.WarningThresholdMB ?? 0;
        _memoryAlert = Update(_memoryAlert, AlertKind.Memory, severity, average, threshold, now, changes,
            string.Format(CultureInfo.InvariantCulture, "{0} ({1}) uses {2:N0} MB on average over its last {3} snapshots", ProcessName, ProcessId, average, window.Length));

        if (_options.GrowthRateMBPerHour is { } allowed)
        {
            var recent = Newest(_options.GrowthWindow);
            var first = recent[0].Timestamp;

            // Seconds since the first snapshot of the window, never raw epoch values.
            var seconds = recent.Select(s => (s.Timestamp - first).TotalSeconds).ToList();
            if (seconds.Distinct().Count() >= 2)
            {
                var rate = LinearFit.Fit(seconds, recent.Select(s => s.WorkingSetMB).ToList()).Slope * 3600;
                _growthAlert = Update(_growthAlert, AlertKind.Growth, rate >= allowed ? AlertSeverity.Warning : null, rate, allowed, now, changes,
                    string.Format(CultureInfo.InvariantCulture, "{0} ({1}) grows by {2:N1} MB per hour over its last {3} snapshots", ProcessName, ProcessId, rate, recent.Length));
            }
        }

        return changes;
    }

    private PerformanceAlert? Update(
        PerformanceAlert? active, AlertKind kind, AlertSeverity? severity, double value, double threshold, DateTime now, List<AlertEventArgs> changes, string message)
    {
        if (active is not null)
        {
            active.Value = value;
        }

        if (severity is null)
        {
            if (active is not null)
            {
                active.IsActive = false;
                active.ResolvedAt = now;
                active.Message = message + "; resolved";
                changes.Add(new AlertEventArgs(AlertChange.Resolved, active.Clone()));
            }

            return null;
        }

        if (active is null)
        {
            var raised = new PerformanceAlert
            {
                Id = Interlocked.Increment(ref s_nextAlertId),
                Monitor = _options.Name,
                ProcessId = ProcessId,
                ProcessName = ProcessName,
                Kind = kind,
                Severity = severity.Value,
                Value = value,
                Threshold = threshold,
                RaisedAt = now,
                Message = message + string.Format(CultureInfo.InvariantCulture, " (threshold {0:N0})", threshold),
            };
            _alerts.Add(raised);
            if (_alerts.Count > AlertHistory)
            {
                _alerts.RemoveAll(a => !a.IsActive && _alerts.Count > AlertHistory);
            }

            changes.Add(new AlertEventArgs(AlertChange.Raised, raised.Clone()));
            return raised;
        }

        // A warning becomes critical in place: same id, acknowledgement kept. A critical alert stays critical until
        // it resolves, so that memory hovering at the threshold does not flap.
        if (severity == AlertSeverity.Critical && active.Severity == AlertSeverity.Warning)
        {
            active.Severity = AlertSeverity.Critical;
            active.Threshold = threshold;
            active.EscalatedAt = now;
            active.Message = message + string.Format(CultureInfo.InvariantCulture, " (critical threshold {0:N0})", threshold);
            changes.Add(new AlertEventArgs(AlertChange.Escalated, active.Clone()));
        }

        return active;
    }
}
