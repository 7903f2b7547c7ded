using System;

namespace RevitPerf.Core.Storage;

/// <summary>
/// A step in a benchmark's history on one machine: from the run at <see cref="Time"/> on, its median latency moved by
/// <see cref="ChangePercent"/>, judged between the windows of runs before and after that run.
/// </summary>
public sealed class BenchmarkTrendStep
{
    internal BenchmarkTrendStep()
    {
    }

    /// <summary>The benchmark.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Its suite.</summary>
    public string Suite { get; internal set; } = string.Empty;

    /// <summary>The machine whose runs stepped.</summary>
    public string Machine { get; internal set; } = string.Empty;

    /// <summary>The first run after the step (UTC).</summary>
    public DateTime Time { get; internal set; }

    /// <summary>Up (slower) or Down (faster).</summary>
    public string Direction { get; internal set; } = string.Empty;

    /// <summary>The median of the runs' medians before the step, ms.</summary>
    public double BeforeMedianMs { get; internal set; }

    /// <summary>The same after it, ms.</summary>
    public double AfterMedianMs { get; internal set; }

    /// <summary>(after - before) / before, percent.</summary>
    public double ChangePercent { get; internal set; }

    /// <summary>The Mann-Whitney p-value between the two windows.</summary>
    public double PValue { get; internal set; }

    /// <summary>Runs in the window before.</summary>
    public int RunsBefore { get; internal set; }

    /// <summary>Runs in the window after.</summary>
    public int RunsAfter { get; internal set; }

    /// <summary>The first run after the step.</summary>
    public string RunId { get; internal set; } = string.Empty;
}
