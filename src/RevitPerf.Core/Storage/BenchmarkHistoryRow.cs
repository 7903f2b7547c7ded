using System;

namespace RevitPerf.Core.Storage;

/// <summary>One benchmark of one stored run, flat: what Get-RevitBenchmarkHistory writes, one row per benchmark per run.</summary>
public sealed class BenchmarkHistoryRow
{
    internal BenchmarkHistoryRow()
    {
    }

    /// <summary>The benchmark.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Its suite.</summary>
    public string Suite { get; internal set; } = string.Empty;

    /// <summary>When the run ran (UTC).</summary>
    public DateTime Time { get; internal set; }

    /// <summary>The machine.</summary>
    public string Machine { get; internal set; } = string.Empty;

    /// <summary>Mean latency, ms.</summary>
    public double MeanMs { get; internal set; }

    /// <summary>Median latency, ms.</summary>
    public double MedianMs { get; internal set; }

    /// <summary>95th percentile, ms.</summary>
    public double P95Ms { get; internal set; }

    /// <summary>Operations per second.</summary>
    public double OpsPerSecond { get; internal set; }

    /// <summary>Bytes allocated per operation, where tracked.</summary>
    public double? AllocatedBytesPerOp { get; internal set; }

    /// <summary>Successful iterations (samples).</summary>
    public int Iterations { get; internal set; }

    /// <summary>The run's tags, comma-separated.</summary>
    public string Tags { get; internal set; } = string.Empty;

    /// <summary>The user who ran it.</summary>
    public string User { get; internal set; } = string.Empty;

    /// <summary>RevitPerf's version.</summary>
    public string ModuleVersion { get; internal set; } = string.Empty;

    /// <summary>PowerShell's version.</summary>
    public string PowerShellVersion { get; internal set; } = string.Empty;

    /// <summary>The Revit release, where known.</summary>
    public string? RevitVersion { get; internal set; }

    /// <summary>The run.</summary>
    public string RunId { get; internal set; } = string.Empty;

    internal static BenchmarkHistoryRow Of(ResultsRun run, StoredBenchmark b) => new()
    {
        Name = b.Name,
        Suite = b.Suite,
        Time = run.TimeUtc,
        Machine = run.Machine,
        MeanMs = b.MeanMs,
        MedianMs = b.MedianMs,
        P95Ms = b.P95Ms,
        OpsPerSecond = b.OpsPerSecond,
        AllocatedBytesPerOp = b.AllocatedBytesPerOp,
        Iterations = b.Iterations,
        Tags = string.Join(",", run.Tags),
        User = run.User,
        ModuleVersion = run.ModuleVersion,
        PowerShellVersion = run.PowerShellVersion,
        RevitVersion = run.RevitVersion,
        RunId = run.RunId,
    };
}
