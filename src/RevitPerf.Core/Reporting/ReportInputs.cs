using System.Collections.Generic;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Journals;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Metrics;
using RevitPerf.Core.Profiling;

namespace RevitPerf.Core.Reporting;

/// <summary>What a report was given, sorted by kind.</summary>
internal sealed class ReportInputs
{
    internal List<BenchmarkResult> Benchmarks { get; } = new();

    internal List<MetricComparison> Comparisons { get; } = new();

    internal List<ScalabilityResult> Fits { get; } = new();

    internal List<ScalabilitySizeResult> SizeRows { get; } = new();

    internal List<LeakTestResult> Leaks { get; } = new();

    internal List<MemorySnapshot> Snapshots { get; } = new();

    internal List<PerformanceAlert> Alerts { get; } = new();

    internal List<MonitorInfo> Monitors { get; } = new();

    internal List<MemoryReport> MemoryReports { get; } = new();

    internal List<JournalSession> Sessions { get; } = new();

    internal List<JournalMemorySample> JournalMemory { get; } = new();

    internal List<JournalOperation> JournalOperations { get; } = new();

    internal List<JournalEvent> JournalEvents { get; } = new();

    internal List<ScriptProfile> Profiles { get; } = new();

    internal List<OperationStatistics> Operations { get; } = new();

    internal int Count { get; private set; }

    internal bool Add(object item)
    {
        var known = true;
        switch (item)
        {
            case BenchmarkResult x: Benchmarks.Add(x); break;
            case MetricComparison x: Comparisons.Add(x); break;
            case ScalabilityResult x: Fits.Add(x); break;
            case ScalabilitySizeResult x: SizeRows.Add(x); break;
            case LeakTestResult x: Leaks.Add(x); break;
            case MemorySnapshot x: Snapshots.Add(x); break;
            case PerformanceAlert x: Alerts.Add(x); break;
            case MonitorInfo x: Monitors.Add(x); break;
            case MemoryReport x: MemoryReports.Add(x); break;
            case JournalSession x: Sessions.Add(x); break;
            case JournalMemorySample x: JournalMemory.Add(x); break;
            case JournalOperation x: JournalOperations.Add(x); break;
            case JournalEvent x: JournalEvents.Add(x); break;
            case ScriptProfile x: Profiles.Add(x); break;
            case OperationStatistics x: Operations.Add(x); break;
            default: known = false; break;
        }

        Count += known ? 1 : 0;
        return known;
    }
}
