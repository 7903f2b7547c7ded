using System;
using System.Threading;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Kernel;

public class BackgroundSchedulerTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void WhenAJobIsScheduled_ItRunsRepeatedly()
    {
        using var scheduler = new BackgroundScheduler();
        using var thirdRun = new CountdownEvent(3);
        var job = scheduler.Schedule("tick", TimeSpan.FromMilliseconds(10), () =>
        {
            if (!thirdRun.IsSet)
            {
                thirdRun.Signal();
            }
        });
        Assert.True(thirdRun.Wait(s_wait));
        Assert.True(job.Runs >= 2);
        Assert.Single(scheduler.Jobs);
    }

    [Fact]
    public void WhenAJobThrows_TheFailureIsRecordedAndTheJobKeepsRunning()
    {
        using var scheduler = new BackgroundScheduler();
        using var twoFailures = new CountdownEvent(2);
        var job = scheduler.Schedule("fails", TimeSpan.FromMilliseconds(10), () =>
        {
            if (!twoFailures.IsSet)
            {
                twoFailures.Signal();
            }

            throw new InvalidOperationException("boom");
        });
        Assert.True(twoFailures.Wait(s_wait));
        SpinWait.SpinUntil(() => job.Failures >= 2, s_wait);
        Assert.True(job.Failures >= 2);
        Assert.Equal("boom", job.LastError?.Message);
    }

    [Fact]
    public void WhenDisposedDuringARun_DisposeWaitsForTheRunAndNoRunFollows()
    {
        var scheduler = new BackgroundScheduler();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var finished = 0;
        var job = scheduler.Schedule("slow", TimeSpan.FromMilliseconds(5), () =>
        {
            started.Set();
            release.Wait(s_wait);
            Interlocked.Increment(ref finished);
        });
        Assert.True(started.Wait(s_wait));

        var disposer = new Thread(scheduler.Dispose);
        disposer.Start();
        Assert.False(disposer.Join(50)); // still waiting for the run in progress
        release.Set();
        Assert.True(disposer.Join(s_wait));

        var runs = job.Runs;
        Assert.Equal(1, Volatile.Read(ref finished));
        Assert.True(job.IsStopped);
        Assert.Empty(scheduler.Jobs);
        Assert.Throws<ObjectDisposedException>(() => scheduler.Schedule("late", TimeSpan.FromSeconds(1), () => { }));
        Assert.Equal(runs, job.Runs);
    }

    [Fact]
    public void WhenOneJobIsDisposed_TheOthersGoOn()
    {
        using var scheduler = new BackgroundScheduler();
        var first = scheduler.Schedule("first", TimeSpan.FromHours(1), () => { });
        var second = scheduler.Schedule("second", TimeSpan.FromHours(1), () => { });
        first.Dispose();
        Assert.Same(second, Assert.Single(scheduler.Jobs));
        Assert.False(second.IsStopped);
    }

    [Fact]
    public void WhenTheIntervalIsChanged_TheJobReportsTheNewInterval()
    {
        using var scheduler = new BackgroundScheduler();
        var job = scheduler.Schedule("job", TimeSpan.FromHours(1), () => { });
        job.ChangeInterval(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromMinutes(2), job.Interval);
        Assert.Throws<ArgumentOutOfRangeException>(() => job.ChangeInterval(TimeSpan.Zero));
    }

    [Fact]
    public void WhenAJobIsScheduledToRunNow_ItsFirstRunDoesNotWaitForTheInterval()
    {
        using var scheduler = new BackgroundScheduler();
        using var ran = new ManualResetEventSlim();
        scheduler.Schedule("now", TimeSpan.FromHours(1), ran.Set, runNow: true);
        Assert.True(ran.Wait(s_wait));
    }

    [Fact]
    public void WhenAJobStopsItselfFromItsOwnRun_StopReturnsAtOnceAndNoRunFollows()
    {
        using var scheduler = new BackgroundScheduler();
        using var stopped = new ManualResetEventSlim();
        ScheduledJob? job = null;
        var runs = 0;
        job = scheduler.Schedule("self", TimeSpan.FromMilliseconds(5), () =>
        {
            Interlocked.Increment(ref runs);
            SpinWait.SpinUntil(() => Volatile.Read(ref job) is not null, s_wait);
            job!.Stop(TimeSpan.FromSeconds(30));
            stopped.Set();
        });
        Assert.True(stopped.Wait(s_wait), "Stop waited for the run that called it"); // it would wait 30 s

        Assert.True(job.IsStopped);
        Thread.Sleep(50);
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.Empty(scheduler.Jobs);
    }
}
