using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Reflection;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Pooling;

namespace RevitPerf.Core.Metrics;

/// <summary>
/// The <see cref="Meter"/> named <c>RevitPerf</c>, for dotnet-counters (<c>dotnet-counters monitor --counters RevitPerf
/// -p &lt;pid&gt;</c>), OpenTelemetry and any <see cref="MeterListener"/>. Names and units follow the OpenTelemetry
/// semantic-conventions style; durations are in seconds. Cache, pool and memory instruments are observable: they read
/// the process-wide optimizer's figures when a listener collects, and cost nothing otherwise. Operation durations and
/// benchmark results are recorded as they happen.
/// </summary>
public static class RevitPerfMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "RevitPerf";

    /// <summary>The tag naming a cache or a pool.</summary>
    public const string NameTag = "revitperf.name";

    /// <summary>The tag giving why an entry left a cache or an object was discarded.</summary>
    public const string ReasonTag = "revitperf.reason";

    /// <summary>The tag naming a measured operation.</summary>
    public const string OperationTag = "revitperf.operation.name";

    /// <summary>The tag set on a failed operation's duration (OpenTelemetry's error.type).</summary>
    public const string ErrorTag = "error.type";

    private static readonly Histogram<double> s_operationDuration;
    private static readonly Histogram<double> s_benchmarkDuration;

    static RevitPerfMeter()
    {
        Meter = new Meter(Name, typeof(RevitPerfMeter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        Meter.CreateObservableCounter("revitperf.cache.hits", () => Caches(s => s.Hits), "{hit}", "Reads served from a cache.");
        Meter.CreateObservableCounter("revitperf.cache.misses", () => Caches(s => s.Misses), "{miss}", "Reads a cache could not serve.");
        Meter.CreateObservableCounter("revitperf.cache.evictions", CacheEvictions, "{eviction}", "Entries a cache removed, by reason.");
        Meter.CreateObservableUpDownCounter("revitperf.cache.entries", () => Caches(s => s.Count), "{entry}", "Entries in a cache.");
        Meter.CreateObservableUpDownCounter("revitperf.cache.size", () => Caches(s => s.MemoryBytes), "By", "Estimated bytes held by a cache.");
        Meter.CreateObservableCounter("revitperf.pool.borrows", () => Pools(s => s.Borrowed), "{borrow}", "Objects borrowed from a pool.");
        Meter.CreateObservableCounter("revitperf.pool.creations", () => Pools(s => s.Created), "{object}", "Objects a pool created.");
        Meter.CreateObservableCounter("revitperf.pool.discards", PoolDiscards, "{object}", "Objects a pool discarded, by reason.");
        Meter.CreateObservableUpDownCounter("revitperf.pool.available", () => Pools(s => (long)s.Available), "{object}", "Objects idle in a pool.");
        Meter.CreateObservableGauge("revitperf.process.memory.working_set", () => Memory(p => p.WorkingSetBytes), "By", "The process's working set.");
        Meter.CreateObservableGauge("revitperf.process.memory.managed", () => Memory(p => p.ManagedHeapBytes), "By", "Bytes on the managed heap.");
        s_operationDuration = Meter.CreateHistogram<double>("revitperf.operation.duration", "s", "Duration of measured operations.");
        s_benchmarkDuration = Meter.CreateHistogram<double>("revitperf.benchmark.duration", "s", "Mean time per operation of a finished benchmark.");
    }

    /// <summary>The meter (one per process). Filter a listener on this instance to see RevitPerf's instruments only.</summary>
    public static Meter Meter { get; }

    internal static void RecordOperation(string operation, double seconds, bool succeeded)
    {
        if (!s_operationDuration.Enabled)
        {
            return;
        }

        if (succeeded)
        {
            s_operationDuration.Record(seconds, new KeyValuePair<string, object?>(OperationTag, operation));
        }
        else
        {
            s_operationDuration.Record(
                seconds, new KeyValuePair<string, object?>(OperationTag, operation), new KeyValuePair<string, object?>(ErrorTag, "failed"));
        }
    }

    internal static void RecordBenchmark(string suite, string benchmark, double meanSeconds)
    {
        if (s_benchmarkDuration.Enabled && !double.IsNaN(meanSeconds))
        {
            s_benchmarkDuration.Record(
                meanSeconds, new KeyValuePair<string, object?>("revitperf.benchmark.suite", suite), new KeyValuePair<string, object?>("revitperf.benchmark.name", benchmark));
        }
    }

    private static IEnumerable<Measurement<long>> Caches(System.Func<CacheStatistics, long> read)
    {
        if (RevitPerfOptimizer.CurrentIfCreated is not { } optimizer)
        {
            yield break;
        }

        foreach (var cache in optimizer.Caches.All)
        {
            yield return new Measurement<long>(read(cache.GetStatistics()), new KeyValuePair<string, object?>(NameTag, cache.Name));
        }
    }

    private static IEnumerable<Measurement<long>> CacheEvictions()
    {
        if (RevitPerfOptimizer.CurrentIfCreated is not { } optimizer)
        {
            yield break;
        }

        foreach (var cache in optimizer.Caches.All)
        {
            var s = cache.GetStatistics();
            var name = new KeyValuePair<string, object?>(NameTag, cache.Name);
            yield return new Measurement<long>(s.CapacityEvictions, name, new KeyValuePair<string, object?>(ReasonTag, "capacity"));
            yield return new Measurement<long>(s.MemoryEvictions, name, new KeyValuePair<string, object?>(ReasonTag, "memory"));
            yield return new Measurement<long>(s.ExpiredEvictions, name, new KeyValuePair<string, object?>(ReasonTag, "expired"));
            yield return new Measurement<long>(s.InvalidatedEvictions, name, new KeyValuePair<string, object?>(ReasonTag, "invalidated"));
        }
    }

    private static IEnumerable<Measurement<long>> Pools(System.Func<PoolStatistics, long> read)
    {
        if (RevitPerfOptimizer.CurrentIfCreated is not { } optimizer)
        {
            yield break;
        }

        foreach (var pool in optimizer.Pools.All)
        {
            yield return new Measurement<long>(read(pool.GetStatistics()), new KeyValuePair<string, object?>(NameTag, pool.Name));
        }
    }

    private static IEnumerable<Measurement<long>> PoolDiscards()
    {
        if (RevitPerfOptimizer.CurrentIfCreated is not { } optimizer)
        {
            yield break;
        }

        foreach (var pool in optimizer.Pools.All)
        {
            var s = pool.GetStatistics();
            var name = new KeyValuePair<string, object?>(NameTag, pool.Name);
            yield return new Measurement<long>(s.DiscardedResetFailed, name, new KeyValuePair<string, object?>(ReasonTag, "reset_failed"));
            yield return new Measurement<long>(s.DiscardedPoolFull, name, new KeyValuePair<string, object?>(ReasonTag, "pool_full"));
            yield return new Measurement<long>(s.DiscardedPoolingOff, name, new KeyValuePair<string, object?>(ReasonTag, "pooling_off"));
            yield return new Measurement<long>(s.Trimmed, name, new KeyValuePair<string, object?>(ReasonTag, "trimmed"));
        }
    }

    private static IEnumerable<Measurement<long>> Memory(System.Func<Memory.IMemoryProbe, long> read)
    {
        yield return new Measurement<long>(read(RevitPerfOptimizer.CurrentIfCreated?.MemoryProbe ?? Core.Memory.ProcessMemoryProbe.Instance));
    }
}
