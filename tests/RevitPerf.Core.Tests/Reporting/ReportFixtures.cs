using System;
using System.Collections.Generic;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Reporting;

/// <summary>Results with real spread, made by the engine on a fake clock, and memory histories.</summary>
internal static class ReportFixtures
{
    public static readonly BenchmarkEnvironment Environment = new("7.6.9", "Core", "0.1.0");

    public static BenchmarkResult Result(string name, double meanNanos, int iterations = 50, BenchmarkTargets? targets = null, string suite = "Api", int seed = 1)
    {
        var clock = new ManualClock(1_000_000_000);
        var workload = new NoisyWorkload(clock, meanNanos, seed);
        var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe())
            .Run(new BenchmarkSpec(name, workload) { Suite = suite, Iterations = iterations, WarmupIterations = 0, InvocationsPerIteration = 10, Targets = targets });
        return new BenchmarkResult(measurement, null, Environment, new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));
    }

    public static List<MemorySnapshot> Snapshots(string monitor, int count, double mbPerHour, DateTime start)
    {
        var snapshots = new List<MemorySnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i * 10);
            snapshots.Add(new MemorySnapshot
            {
                Monitor = monitor,
                ProcessName = "Revit",
                Timestamp = at,
                WorkingSetMB = 2000 + (mbPerHour * i * 10 / 3600) + (i % 3),
                PrivateMemoryMB = 2500 + (i % 5),
                ManagedHeapMB = 300 + (i % 7),
            });
        }

        return snapshots;
    }

    private sealed class NoisyWorkload : IBenchmarkWorkload
    {
        private readonly ManualClock _clock;
        private readonly double _meanNanos;
        private readonly Random _random;

        public NoisyWorkload(ManualClock clock, double meanNanos, int seed)
        {
            _clock = clock;
            _meanNanos = meanNanos;
            _random = new Random(seed);
        }

        public void Setup()
        {
        }

        public void Run(long invocations) => _clock.Timestamp += (long)(_meanNanos * invocations * (0.8 + (0.4 * _random.NextDouble())));

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }
}
