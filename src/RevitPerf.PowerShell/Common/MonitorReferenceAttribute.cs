namespace RevitPerf.PowerShell;

/// <summary>Takes memory monitors and their descriptions and reports (MemoryMonitor, MonitorInfo, MemoryReport) as their names.</summary>
public sealed class MonitorReferenceAttribute : NamedObjectReferenceAttribute
{
    /// <summary>Creates the attribute.</summary>
    public MonitorReferenceAttribute()
        : base("RevitPerf.Core.Memory.MemoryMonitor", "RevitPerf.Core.Memory.MonitorInfo", "RevitPerf.Core.Memory.MemoryReport|Monitor")
    {
    }
}
