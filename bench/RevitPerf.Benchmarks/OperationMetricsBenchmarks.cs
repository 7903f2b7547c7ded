using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using RevitPerf.Core.Metrics;

namespace RevitPerf.Benchmarks;

/// <summary>
/// The cost of recording one operation run in Core (OperationMetrics.Record: lookup by name, the window with its cut
/// at 1,000, the counters, and the meter's histogram when nobody listens), on 1 and 2 threads recording the same name.
/// </summary>
[MemoryDiagnoser]
public class OperationMetricsBenchmarks
{
    /// <summary>Recordings each thread performs per invocation.</summary>
    public const int OperationsPerThread = 1 << 18;

    private static readonly TimeSpan s_duration = TimeSpan.FromMilliseconds(1.5);
    private OperationMetrics? _metrics;

    /// <summary>Threads recording at once.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Fresh metrics with a few operations already known.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _metrics = new OperationMetrics();
        foreach (var name in new[] { "Load", "Export", "Regenerate", "Collect" })
        {
            _metrics.Record(name, s_duration);
        }
    }

    /// <summary>One Record call.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerThread)]
    public void Record()
    {
        if (Threads == 1)
        {
            Run();
            return;
        }

        var threads = new Thread[Threads];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Run);
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void Run()
    {
        var metrics = _metrics!;
        for (var i = 0; i < OperationsPerThread; i++)
        {
            metrics.Record("Regenerate", s_duration);
        }
    }
}
