using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Memory;

/// <summary>The memory monitors of the process, by name (case-insensitive); several can run at once.</summary>
public sealed class MonitorRegistry : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MemoryMonitor> _monitors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The monitors, in name order.</summary>
    public IReadOnlyList<MemoryMonitor> All
    {
        get
        {
            lock (_gate)
            {
                return _monitors.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
        }
    }

    /// <summary>Adds <paramref name="monitor"/>; false when a monitor of that name exists (nothing changes).</summary>
    public bool TryAdd(MemoryMonitor monitor)
    {
        if (monitor is null)
        {
            throw new ArgumentNullException(nameof(monitor));
        }

        lock (_gate)
        {
            if (_monitors.ContainsKey(monitor.Name))
            {
                return false;
            }

            _monitors.Add(monitor.Name, monitor);
            return true;
        }
    }

    /// <summary>The monitor named <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out MemoryMonitor monitor)
    {
        lock (_gate)
        {
            return _monitors.TryGetValue(name ?? string.Empty, out monitor!);
        }
    }

    /// <summary>Stops and removes the monitor named <paramref name="name"/>; false when there is none.</summary>
    public bool Remove(string name)
    {
        MemoryMonitor? monitor;
        lock (_gate)
        {
            if (!_monitors.TryGetValue(name ?? string.Empty, out monitor))
            {
                return false;
            }

            _monitors.Remove(name!);
        }

        monitor.Stop();
        return true;
    }

    /// <summary>Stops and removes every monitor.</summary>
    public void Dispose()
    {
        List<MemoryMonitor> all;
        lock (_gate)
        {
            all = _monitors.Values.ToList();
            _monitors.Clear();
        }

        foreach (var monitor in all)
        {
            monitor.Stop();
        }
    }
}
