namespace RevitPerf.Core.Reporting;

/// <summary>A benchmark's latency against its baseline: medians, change with its 95 % interval, p-value and verdict.</summary>
internal sealed class BaselineChange
{
    internal double BaselineMedianMs { get; set; }

    internal double CurrentMedianMs { get; set; }

    internal double ChangePercent { get; set; }

    internal double LowPercent { get; set; }

    internal double HighPercent { get; set; }

    internal double PValue { get; set; }

    internal string Verdict { get; set; } = string.Empty;
}
