using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Memory;

public class MemoryMonitorTests
{
    /// <summary>A process whose working set the test scripts.</summary>
    private sealed class ScriptedProbe : IProcessProbe
    {
        private double _workingSetMB;

        public double WorkingSetMB
        {
            get => Volatile.Read(ref _workingSetMB);
            set => Volatile.Write(ref _workingSetMB, value);
        }

        public bool Gone { get; set; }

        public int Taken;

        public int ProcessId => 4242;

        public string ProcessName => "Revit";

        public bool IsCurrentProcess => false;

        public MemorySnapshot Take()
        {
            Interlocked.Increment(ref Taken);
            if (Gone)
            {
                throw new ProcessGoneException(ProcessId, ProcessName);
            }

            return new MemorySnapshot { ProcessId = ProcessId, ProcessName = ProcessName, WorkingSetMB = WorkingSetMB };
        }
    }

    private static (MemoryMonitor Monitor, ScriptedProbe Probe, ManualClock Clock) NewMonitor(Action<MonitorOptions>? configure = null)
    {
        var options = new MonitorOptions { Name = "Revit", Interval = TimeSpan.FromSeconds(1), WarningThresholdMB = 8000, CriticalThresholdMB = 10000, Window = 3, MinimumSamples = 3 };
        configure?.Invoke(options);
        var probe = new ScriptedProbe();
        var clock = new ManualClock();
        return (new MemoryMonitor(options, probe, clock), probe, clock);
    }

    private static void Sample(MemoryMonitor monitor, ScriptedProbe probe, ManualClock clock, params double[] megabytes)
    {
        foreach (var mb in megabytes)
        {
            probe.WorkingSetMB = mb;
            monitor.SampleNow();
            clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void WhenMoreSnapshotsThanTheCapacityAreTaken_TheRingKeepsTheNewestOldestFirst()
    {
        var (monitor, probe, clock) = NewMonitor(o => o.Capacity = 5);
        Sample(monitor, probe, clock, 1, 2, 3, 4, 5, 6, 7, 8);
        Assert.Equal(new double[] { 4, 5, 6, 7, 8 }, monitor.GetSnapshots().Select(s => s.WorkingSetMB));
        Assert.Equal(8, monitor.SnapshotsTaken);
        Assert.Equal(new double[] { 7, 8 }, monitor.GetSnapshots(last: 2).Select(s => s.WorkingSetMB));
        var since = monitor.GetSnapshots()[3].Timestamp;
        Assert.Equal(new double[] { 7, 8 }, monitor.GetSnapshots(since: since).Select(s => s.WorkingSetMB));
        Assert.All(monitor.GetSnapshots(), s => Assert.Equal("Revit", s.Monitor));
    }

    [Fact]
    public void WhenMemoryCrossesTheThresholds_TheAlertIsRaisedEscalatedInPlaceAndResolved()
    {
        var critical = 0;
        var (monitor, probe, clock) = NewMonitor(o => o.OnCritical = () => critical++);
        var events = new List<AlertEventArgs>();
        monitor.AlertChanged += (_, e) => events.Add(e);

        Sample(monitor, probe, clock, 9000, 9000);
        Assert.Empty(events); // fewer snapshots than the minimum: nothing is judged yet

        Sample(monitor, probe, clock, 9000);
        var raised = Assert.Single(events);
        Assert.Equal(AlertChange.Raised, raised.Change);
        Assert.Equal(AlertSeverity.Warning, raised.Alert.Severity);
        Assert.Equal(9000, raised.Alert.Value);
        Assert.True(monitor.Acknowledge(raised.Alert.Id));

        Sample(monitor, probe, clock, 12000, 12000); // average of the last 3: 11,000
        Assert.Equal(AlertChange.Escalated, events[1].Change);
        Assert.Equal(raised.Alert.Id, events[1].Alert.Id);
        Assert.Equal(AlertSeverity.Critical, events[1].Alert.Severity);
        Assert.True(events[1].Alert.Acknowledged); // acknowledgement survives escalation
        Assert.Equal(1, critical);

        Sample(monitor, probe, clock, 9500); // average 11,166: still critical, nothing new
        Assert.Equal(2, events.Count);

        Sample(monitor, probe, clock, 1000, 1000, 1000);
        Assert.Equal(AlertChange.Resolved, events[2].Change);
        Assert.NotNull(events[2].Alert.ResolvedAt);
        Assert.Empty(monitor.GetAlerts());
        var history = Assert.Single(monitor.GetAlerts(includeResolved: true));
        Assert.False(history.IsActive);
        Assert.Equal(1, critical);
    }

    [Fact]
    public void WhenMemoryGrowsAtAKnownRate_TheGrowthAlertCarriesThatRate()
    {
        var (monitor, probe, clock) = NewMonitor(o =>
        {
            o.WarningThresholdMB = null;
            o.CriticalThresholdMB = null;
            o.GrowthRateMBPerHour = 100;
        });
        var events = new List<AlertEventArgs>();
        monitor.AlertChanged += (_, e) => events.Add(e);

        // 1 MB per 10 s is 360 MB per hour, on an epoch-sized clock; the fit runs on seconds since the first sample.
        for (var i = 0; i < 10; i++)
        {
            probe.WorkingSetMB = 5000 + i;
            monitor.SampleNow();
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var growth = Assert.Single(events);
        Assert.Equal(AlertKind.Growth, growth.Alert.Kind);
        Assert.Equal(360, growth.Alert.Value, 6);

        // Flat from here: once the window holds only flat snapshots the rate is 0 and the alert resolves.
        for (var i = 0; i < 40; i++)
        {
            monitor.SampleNow();
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(AlertChange.Resolved, events.Last().Change);
    }

    [Fact]
    public async Task WhenManyThreadsSampleAndHandlersCallBack_NothingDeadlocksAndOneMemoryAlertIsActiveAtMost()
    {
        var (monitor, probe, _) = NewMonitor();
        var ids = new ConcurrentBag<int>();
        monitor.AlertChanged += (sender, e) =>
        {
            // Handlers run outside the lock, so calling back into the monitor is safe.
            var m = (MemoryMonitor)sender!;
            ids.Add(e.Alert.Id);
            m.Acknowledge(e.Alert.Id);
            _ = m.GetAlerts(includeResolved: true).Count;
            _ = m.GetSnapshots(last: 3).Count;
        };

        var work = Task.Run(() => Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                probe.WorkingSetMB = (((i / 7) + worker) % 3) switch { 0 => 1000, 1 => 9000, _ => 12000 };
                monitor.SampleNow();
            }
        }));

        // A bounded wait: a deadlock fails the test instead of hanging it.
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == work, "sampling deadlocked");
        await work;
        Assert.True(monitor.GetAlerts().Count(a => a.Kind == AlertKind.Memory) <= 1);
        Assert.Equal(8_000, monitor.SnapshotsTaken);
        Assert.NotEmpty(ids);
        Assert.Equal(monitor.GetAlerts(includeResolved: true).Select(a => a.Id).Distinct().Count(), monitor.GetAlerts(includeResolved: true).Count);
    }

    [Fact]
    public void WhenTheProcessHasGone_TheMonitorStopsAndSaysWhy()
    {
        var (monitor, probe, _) = NewMonitor();
        monitor.SampleNow();
        probe.Gone = true;
        Assert.Null(monitor.SampleNow());
        Assert.False(monitor.IsRunning);
        Assert.Contains("Revit (4242) has exited", monitor.StopReason, StringComparison.Ordinal);
        Assert.Single(monitor.GetSnapshots());
    }

    [Fact]
    public void WhenStartedOnATimer_ItSamplesAtOnceAndStopsWhenAsked()
    {
        var probe = new ScriptedProbe { WorkingSetMB = 10 };
        using var monitor = new MemoryMonitor(new MonitorOptions { Name = "timed", Interval = TimeSpan.FromMilliseconds(100) }, probe);
        monitor.Start();
        Assert.True(monitor.IsRunning);
        Assert.True(SpinWait.SpinUntil(() => monitor.SnapshotsTaken >= 2, TimeSpan.FromSeconds(10)), "the timer did not sample");
        monitor.Stop();
        Assert.False(monitor.IsRunning);
        monitor.Start(); // a stopped monitor can start again
        Assert.True(monitor.IsRunning);
        monitor.Stop();
    }

    [Fact]
    public void WhenTheProcessExitsWhileTheTimerSamples_TheMonitorStopsItselfWithoutCrashingTheTimer()
    {
        var probe = new ScriptedProbe { WorkingSetMB = 10 };
        using var monitor = new MemoryMonitor(new MonitorOptions { Name = "exits", Interval = TimeSpan.FromMilliseconds(100) }, probe);
        monitor.Start();
        Assert.True(SpinWait.SpinUntil(() => monitor.SnapshotsTaken >= 1, TimeSpan.FromSeconds(10)));
        probe.Gone = true;

        // The timer's own callback calls Stop; the wait handle it signals afterwards must still be alive.
        Assert.True(SpinWait.SpinUntil(() => !monitor.IsRunning, TimeSpan.FromSeconds(10)));
        Assert.NotNull(monitor.StopReason);
    }

    [Fact]
    public void WhenOptionsAreInvalid_TheMonitorRefusesThem()
    {
        var probe = new ScriptedProbe();
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryMonitor(new MonitorOptions { Interval = TimeSpan.FromMilliseconds(50) }, probe));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryMonitor(new MonitorOptions { WarningThresholdMB = 10, CriticalThresholdMB = 5 }, probe));
        Assert.Throws<ArgumentException>(() => new MemoryMonitor(new MonitorOptions { Name = " " }, probe));
    }

    [Fact]
    public void WhenSeveralMonitorsAreRegistered_NamesAreUniqueAndRemovalStopsThem()
    {
        using var registry = new NamedRegistry<MemoryMonitor>("memory monitor", m => m.Stop());
        var (a, _, _) = NewMonitor();
        var (b, _, _) = NewMonitor();
        Assert.True(registry.TryAdd(a));
        Assert.False(registry.TryAdd(b)); // same name, "Revit"
        Assert.True(registry.TryGet("REVIT", out var found));
        Assert.Same(a, found);
        a.Start();
        Assert.True(registry.TryRemove("revit", out _));
        Assert.False(a.IsRunning);
        Assert.Empty(registry.All);
    }
}
