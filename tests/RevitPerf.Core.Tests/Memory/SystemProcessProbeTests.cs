using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Memory;

public class SystemProcessProbeTests
{
    [Fact]
    public void WhenTheCurrentProcessIsRead_TheRuntimeFiguresAreThere()
    {
        using var probe = SystemProcessProbe.ForCurrentProcess(() => 12, () => 3);
        var first = probe.Take();
        var second = probe.Take();
        Assert.Equal(Environment.ProcessId, first.ProcessId);
        Assert.True(first.WorkingSetMB > 0);
        Assert.True(first.ThreadCount > 0);
        Assert.NotNull(first.ManagedHeapMB);
        Assert.NotNull(first.AllocatedBytes);
        Assert.NotNull(first.Gen0Collections);
        Assert.Null(first.GcPausePercent); // a share of time needs a previous snapshot
        Assert.NotNull(second.GcPausePercent);
        Assert.Equal(12, first.CacheEntryCount);
        Assert.Equal(3, first.PoolCount);
        Assert.Null(first.Responding);
    }

    [Fact]
    public void WhenReadFromProc_TheFiguresAgreeWithTheProcessApi()
    {
        using var probe = SystemProcessProbe.ForCurrentProcess();
        var snapshot = probe.Take();
        using var process = Process.GetCurrentProcess();
        Assert.InRange(snapshot.WorkingSetMB, process.WorkingSet64 / 1048576.0 * 0.8, process.WorkingSet64 / 1048576.0 * 1.25);
        Assert.InRange(snapshot.ThreadCount, 1, process.Threads.Count + 20);
        Assert.InRange(snapshot.HandleCount, Math.Max(1, process.HandleCount - 30), process.HandleCount + 30);
        Assert.True(snapshot.PrivateMemoryMB > 0);
    }

    [Fact]
    public void WhenAChildProcessIsMonitored_ItIsReadUntilItExits()
    {
        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        using var child = Process.Start(new ProcessStartInfo(windows ? "ping" : "sleep", windows ? "-n 60 127.0.0.1" : "60")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            CreateNoWindow = true,
        })!;
        try
        {
            using var probe = SystemProcessProbe.ForProcess(child.Id);
            using var monitor = new MemoryMonitor(new MonitorOptions { Name = "child" }, probe);
            var snapshot = monitor.SampleNow()!;
            Assert.Equal(child.Id, snapshot.ProcessId);
            Assert.True(snapshot.WorkingSetMB > 0);
            Assert.True(snapshot.ThreadCount >= 1);
            Assert.Null(snapshot.ManagedHeapMB); // another process's managed heap is not ours to read

            child.Kill();
            child.WaitForExit();
            Assert.Null(monitor.SampleNow());
            Assert.NotNull(monitor.StopReason);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    [Fact]
    public void WhenNoProcessHasTheId_TheProbeCannotBeMade()
    {
        Assert.Throws<ArgumentException>(() => SystemProcessProbe.ForProcess(int.MaxValue - 7));
    }
}
