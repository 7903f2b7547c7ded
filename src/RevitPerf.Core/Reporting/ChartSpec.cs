using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Reporting;

/// <summary>What a line or point chart shows: title, axes with units, series, horizontal thresholds, vertical markers.</summary>
internal sealed class ChartSpec
{
    internal ChartSpec(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    internal string Title { get; }

    internal string XLabel { get; }

    internal string YLabel { get; }

    internal AxisScale XScale { get; set; } = AxisScale.Linear;

    internal AxisScale YScale { get; set; } = AxisScale.Linear;

    /// <summary>With <see cref="AxisScale.Time"/>: x values are seconds after this time.</summary>
    internal DateTime TimeOrigin { get; set; }

    /// <summary>True to start the y axis at 0 (amounts), false to fit the data (times that never reach 0).</summary>
    internal bool YFromZero { get; set; } = true;

    internal List<ChartSeries> Series { get; } = new();

    internal List<(double Y, string Label, string CssClass)> Thresholds { get; } = new();

    internal List<(double X, string Label, string CssClass)> Markers { get; } = new();
}
