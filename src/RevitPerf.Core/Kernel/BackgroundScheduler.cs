using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// Runs periodic background work on timers: no thread sleeps between runs, and <see cref="Dispose"/> stops every
/// job at once (no new run starts; a run in progress is waited for). A job's exception is caught and recorded,
/// never allowed to reach the thread pool, where it would end the host process (PowerShell, Revit).
/// </summary>
public sealed class BackgroundScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly List<ScheduledJob> _jobs = new();
    private bool _disposed;

    /// <summary>The jobs currently scheduled.</summary>
    public IReadOnlyList<ScheduledJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return _jobs.ToArray();
            }
        }
    }

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>
    /// Runs <paramref name="work"/> every <paramref name="interval"/>, first after one interval (at once when
    /// <paramref name="runNow"/>). Runs never overlap: a tick that finds the previous run still going is skipped.
    /// Dispose the returned job to stop it.
    /// </summary>
    public ScheduledJob Schedule(string name, TimeSpan interval, Action work, bool runNow = false)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(BackgroundScheduler));
            }

            var job = new ScheduledJob(name, interval, work, Forget);
            _jobs.Add(job);
            job.Start(runNow);
            return job;
        }
    }

    /// <summary>Stops every job; when it returns, no job is running and none will run again.</summary>
    public void Dispose()
    {
        ScheduledJob[] jobs;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            jobs = _jobs.ToArray();
        }

        foreach (var job in jobs)
        {
            job.Dispose();
        }
    }

    private void Forget(ScheduledJob job)
    {
        lock (_gate)
        {
            _jobs.Remove(job);
        }
    }
}
