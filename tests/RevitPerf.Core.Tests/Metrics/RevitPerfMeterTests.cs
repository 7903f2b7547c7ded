using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Metrics;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Metrics;

/// <summary>The Meter reads the process-wide optimizer, so these share the one-at-a-time collection of its tests.</summary>
[Collection(nameof(RevitPerfOptimizerTests))]
public sealed class RevitPerfMeterTests : IDisposable
{
    private readonly List<(string Instrument, string Unit, double Value, Dictionary<string, object?> Tags)> _seen = new();
    private readonly MeterListener _listener = new();

    public RevitPerfMeterTests()
    {
        // Filtered to this Meter's instance: another meter that happens to be named RevitPerf is not ours.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, RevitPerfMeter.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        RevitPerfOptimizer.ShutdownCurrent();
    }

    [Fact]
    public void TheMeterIsNamedRevitPerf_AndPublishesTheDocumentedInstruments()
    {
        Assert.Equal("RevitPerf", RevitPerfMeter.Meter.Name);
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, RevitPerfMeter.Meter))
                {
                    published.Add(instrument);
                }
            },
        };
        listener.Start();
        var units = published.ToDictionary(i => i.Name, i => i.Unit);
        Assert.Equal("{hit}", units["revitperf.cache.hits"]);
        Assert.Equal("{miss}", units["revitperf.cache.misses"]);
        Assert.Equal("{eviction}", units["revitperf.cache.evictions"]);
        Assert.Equal("{entry}", units["revitperf.cache.entries"]);
        Assert.Equal("By", units["revitperf.cache.size"]);
        Assert.Equal("{borrow}", units["revitperf.pool.borrows"]);
        Assert.Equal("{object}", units["revitperf.pool.creations"]);
        Assert.Equal("{object}", units["revitperf.pool.discards"]);
        Assert.Equal("By", units["revitperf.process.memory.working_set"]);
        Assert.Equal("By", units["revitperf.process.memory.managed"]);
        Assert.Equal("s", units["revitperf.operation.duration"]);
        Assert.Equal("s", units["revitperf.benchmark.duration"]);
    }

    [Fact]
    public void WhenAnOperationIsRecorded_TheDurationHistogramSeesSecondsTaggedWithItsName()
    {
        var metrics = new OperationMetrics(new ManualClock());
        metrics.Record("meter-test-op", TimeSpan.FromMilliseconds(250));
        metrics.Record("meter-test-op", TimeSpan.FromMilliseconds(100), succeeded: false);
        var durations = _seen.Where(m => m.Instrument == "revitperf.operation.duration" && Equals(m.Tags[RevitPerfMeter.OperationTag], "meter-test-op")).ToList();
        Assert.Equal(2, durations.Count);
        Assert.Equal(0.25, durations[0].Value, 9);
        Assert.False(durations[0].Tags.ContainsKey(RevitPerfMeter.ErrorTag));
        Assert.Equal("failed", durations[1].Tags[RevitPerfMeter.ErrorTag]);
    }

    [Fact]
    public void WhenCollected_CacheAndPoolFiguresAreReadFromTheProcessWideOptimizer()
    {
        var optimizer = RevitPerfOptimizer.Current;
        Assert.True(optimizer.Caches.TryCreate(new CacheOptions { Name = "meter-test", MaxSize = 2 }, out var cache));
        cache.Set("a", 1);
        cache.TryGet("a", out _);
        cache.TryGet("missing", out _);
        cache.Set("b", 2);
        cache.Set("c", 3);
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "meter-test-pool");
        pool.Return(pool.Borrow());
        pool.Return(pool.Borrow());

        _listener.RecordObservableInstruments();

        double Read(string instrument, string name, string? reason = null) => _seen.Single(m =>
            m.Instrument == instrument && Equals(m.Tags[RevitPerfMeter.NameTag], name)
            && (reason is null || Equals(m.Tags[RevitPerfMeter.ReasonTag], reason))).Value;
        Assert.Equal(1, Read("revitperf.cache.hits", "meter-test"));
        Assert.Equal(1, Read("revitperf.cache.misses", "meter-test"));
        Assert.Equal(1, Read("revitperf.cache.evictions", "meter-test", "capacity"));
        Assert.Equal(2, Read("revitperf.cache.entries", "meter-test"));
        Assert.Equal(2, Read("revitperf.pool.borrows", "meter-test-pool"));
        Assert.Equal(1, Read("revitperf.pool.creations", "meter-test-pool"));
        Assert.Equal(0, Read("revitperf.pool.discards", "meter-test-pool", "pool_full"));
        Assert.True(_seen.Single(m => m.Instrument == "revitperf.process.memory.working_set").Value > 0);
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_seen)
        {
            _seen.Add((instrument.Name, instrument.Unit ?? string.Empty, Convert.ToDouble(value), copy));
        }
    }
}
