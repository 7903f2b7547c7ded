using System.Collections.Generic;

namespace RevitPerf.Core.Reporting;

/// <summary>One series of a chart: its points (x, y), drawn as a line or as points.</summary>
internal sealed class ChartSeries
{
    internal ChartSeries(string name, string cssClass, bool asPoints = false)
    {
        Name = name;
        CssClass = cssClass;
        AsPoints = asPoints;
    }

    internal string Name { get; }

    internal string CssClass { get; }

    internal bool AsPoints { get; }

    internal List<(double X, double Y)> Points { get; } = new();
}
