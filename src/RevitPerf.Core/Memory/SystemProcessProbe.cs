using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Reads a real process: on Linux straight from /proc (see <see cref="LinuxProcFs"/>), elsewhere through one
/// long-lived <see cref="Process"/> object refreshed per snapshot (no new handle per reading). For the current process it adds the runtime's figures: managed heap, total allocations, collections
/// and the share of time paused for GC since the previous snapshot (GC.GetTotalPauseDuration, bound at run time:
/// netstandard2.0 has neither it nor GC.GetTotalAllocatedBytes).
/// </summary>
public sealed class SystemProcessProbe : IProcessProbe, IDisposable
{
    private const double MB = 1024 * 1024;
    private static readonly Func<TimeSpan>? s_pauseDuration = Bind<TimeSpan>("GetTotalPauseDuration");
    private static readonly Func<long>? s_totalAllocated = BindAllocated();

    private readonly Process _process;
    private readonly Func<int>? _cacheEntryCount;
    private readonly Func<int>? _poolCount;
    private readonly Stopwatch _sinceLast = new();
    private TimeSpan? _lastPause;

    private SystemProcessProbe(Process process, bool current, Func<int>? cacheEntryCount, Func<int>? poolCount)
    {
        _process = process;
        IsCurrentProcess = current;
        ProcessId = process.Id;
        ProcessName = process.ProcessName;
        _cacheEntryCount = cacheEntryCount;
        _poolCount = poolCount;
    }

    /// <inheritdoc/>
    public int ProcessId { get; }

    /// <inheritdoc/>
    public string ProcessName { get; }

    /// <inheritdoc/>
    public bool IsCurrentProcess { get; }

    /// <summary>A probe of the current process; the counts come from the module's caches and pools.</summary>
    public static SystemProcessProbe ForCurrentProcess(Func<int>? cacheEntryCount = null, Func<int>? poolCount = null) =>
        new(Process.GetCurrentProcess(), true, cacheEntryCount, poolCount);

    /// <summary>A probe of the current process counting <paramref name="optimizer"/>'s cache entries (the module has no pools yet: 0).</summary>
    public static SystemProcessProbe ForCurrentProcess(RevitPerfOptimizer optimizer)
    {
        if (optimizer is null)
        {
            throw new ArgumentNullException(nameof(optimizer));
        }

        return ForCurrentProcess(() => optimizer.Caches.EntryCount, () => optimizer.Pools.Count);
    }

    /// <summary>A probe of process <paramref name="processId"/>; throws <see cref="ArgumentException"/> when there is none.</summary>
    public static SystemProcessProbe ForProcess(int processId)
    {
        // Ids are positive; 0 and below name no process a user could watch (the idle "process" on Windows is no such).
        if (processId <= 0)
        {
            throw new ArgumentException($"There is no process with id {processId}.", nameof(processId));
        }

        var process = Process.GetProcessById(processId);
        using var current = Process.GetCurrentProcess();
        return new SystemProcessProbe(process, processId == current.Id, null, null);
    }

    /// <inheritdoc/>
    public MemorySnapshot Take()
    {
        try
        {
            var snapshot = new MemorySnapshot { Timestamp = DateTime.UtcNow, ProcessId = ProcessId, ProcessName = ProcessName };
            if (LinuxProcFs.IsAvailable)
            {
                if (!LinuxProcFs.TryRead(ProcessId, snapshot))
                {
                    throw new ProcessGoneException(ProcessId, ProcessName);
                }
            }
            else
            {
                _process.Refresh();
                if (!IsCurrentProcess && _process.HasExited)
                {
                    throw new ProcessGoneException(ProcessId, ProcessName);
                }

                snapshot.WorkingSetMB = _process.WorkingSet64 / MB;
                snapshot.PrivateMemoryMB = _process.PrivateMemorySize64 / MB;
                snapshot.PagedMemoryMB = _process.PagedMemorySize64 / MB;
                snapshot.HandleCount = _process.HandleCount;
                snapshot.ThreadCount = _process.Threads.Count;
            }

            if (IsCurrentProcess)
            {
                snapshot.ManagedHeapMB = GC.GetTotalMemory(false) / MB;
                snapshot.AllocatedBytes = s_totalAllocated?.Invoke();
                snapshot.Gen0Collections = GC.CollectionCount(0);
                snapshot.Gen1Collections = GC.CollectionCount(1);
                snapshot.Gen2Collections = GC.CollectionCount(2);
                snapshot.GcPausePercent = PausePercent();
                snapshot.CacheEntryCount = _cacheEntryCount?.Invoke();
                snapshot.PoolCount = _poolCount?.Invoke();
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                snapshot.Responding = _process.Responding;
            }

            return snapshot;
        }
        catch (InvalidOperationException ex)
        {
            throw new ProcessGoneException(ProcessId, ProcessName, ex);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ProcessGoneException(ProcessId, ProcessName, ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _process.Dispose();

    private double? PausePercent()
    {
        if (s_pauseDuration is null)
        {
            return null;
        }

        var pause = s_pauseDuration();
        double? percent = null;
        if (_lastPause is { } last && _sinceLast.Elapsed > TimeSpan.Zero)
        {
            percent = Math.Max(0, Math.Min(100, (pause - last).TotalMilliseconds / _sinceLast.Elapsed.TotalMilliseconds * 100));
        }

        _lastPause = pause;
        _sinceLast.Restart();
        return percent;
    }

    private static Func<T>? Bind<T>(string name)
    {
        var method = typeof(GC).GetMethod(name, BindingFlags.Public | BindingFlags.Static, null, Type.EmptyTypes, null);
        return method is null || method.ReturnType != typeof(T) ? null : (Func<T>)method.CreateDelegate(typeof(Func<T>));
    }

    private static Func<long>? BindAllocated()
    {
        var method = typeof(GC).GetMethod("GetTotalAllocatedBytes", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(bool) }, null);
        if (method is null)
        {
            return null;
        }

        var read = (Func<bool, long>)method.CreateDelegate(typeof(Func<bool, long>));
        return () => read(false);
    }
}
