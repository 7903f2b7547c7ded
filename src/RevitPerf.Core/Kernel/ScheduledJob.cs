using System;
using System.Threading;

namespace RevitPerf.Core.Kernel;

/// <summary>One periodic job of a <see cref="BackgroundScheduler"/>.</summary>
public sealed class ScheduledJob : IDisposable
{
    // A run in progress at Dispose is waited for up to this long: jobs are short, but a hung job must not hang
    // Remove-Module. The job is told to stop first, so this bound is a safety net, not a wait that is expected.
    private static readonly TimeSpan s_disposeWaitLimit = TimeSpan.FromSeconds(2);

    private readonly Action _work;
    private readonly Action<ScheduledJob> _onDisposed;
    private readonly Timer _timer;
    private TimeSpan _interval;
    private int _running;
    private int _runningThread;
    private int _stopped;
    private long _runs;
    private long _failures;
    private Exception? _lastError;

    internal ScheduledJob(string name, TimeSpan interval, Action work, Action<ScheduledJob> onDisposed)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _interval = CheckInterval(interval);
        _work = work;
        _onDisposed = onDisposed;
        _timer = new Timer(static state => ((ScheduledJob)state!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The job's name.</summary>
    public string Name { get; }

    /// <summary>Time between runs.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Runs completed (successfully or not).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Runs that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The exception of the last failed run, if any.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <summary>True once the job has been stopped.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>Changes the time between runs; the next run comes one new interval from now.</summary>
    public void ChangeInterval(TimeSpan interval)
    {
        _interval = CheckInterval(interval);
        if (!IsStopped)
        {
            try
            {
                _timer.Change(_interval, _interval);
            }
            catch (ObjectDisposedException)
            {
                // Stopped concurrently: nothing to reschedule.
            }
        }
    }

    /// <summary>Stops the job: no new run starts, and a run in progress is waited for (up to 2 s).</summary>
    public void Dispose() => Stop(s_disposeWaitLimit);

    /// <summary>
    /// Stops the job: no new run starts, and a run in progress is waited for, at most <paramref name="wait"/>. Called
    /// from the job's own run (a monitor whose process exited stops itself), it returns at once.
    /// </summary>
    public void Stop(TimeSpan wait)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        var ownRun = Volatile.Read(ref _runningThread) == Environment.CurrentManagedThreadId;
        var done = new ManualResetEvent(false);

        // Timer.Dispose(WaitHandle) signals once every callback already started has returned. When the wait ends
        // first (or never can: this is the callback), the timer still signals the event later, so it is left to the
        // collector rather than disposed under the timer.
        if (!_timer.Dispose(done) || (!ownRun && done.WaitOne(wait)))
        {
            done.Dispose();
        }

        _onDisposed(this);
    }

    internal void Start(bool runNow) => _timer.Change(runNow ? TimeSpan.Zero : _interval, _interval);

    private void Tick()
    {
        // Skip a tick while the previous run is still going, and any tick that races with Dispose.
        if (IsStopped || Interlocked.Exchange(ref _running, 1) != 0)
        {
            return;
        }

        try
        {
            if (!IsStopped)
            {
                Volatile.Write(ref _runningThread, Environment.CurrentManagedThreadId);
                _work();
            }
        }
#pragma warning disable CA1031 // A background job's failure is recorded; letting it escape would end the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failures);
            Volatile.Write(ref _lastError, ex);
        }
        finally
        {
            Volatile.Write(ref _runningThread, 0);
            Interlocked.Increment(ref _runs);
            Volatile.Write(ref _running, 0);
        }
    }

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
}
