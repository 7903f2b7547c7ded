namespace RevitPerf.Core.Reporting;

/// <summary>How an axis maps values: linearly, logarithmically (base 10), or as seconds after a time.</summary>
internal enum AxisScale
{
    Linear,
    Log,
    Time,
}
