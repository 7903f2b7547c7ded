namespace RevitPerf.Core.Benchmarking;

/// <summary>One row of the complex query: a level and category with their element count and totals.</summary>
internal sealed class LevelCategorySummary
{
    internal LevelCategorySummary(string level, string category, int count, double totalArea, double totalVolume)
    {
        Level = level;
        Category = category;
        Count = count;
        TotalArea = totalArea;
        TotalVolume = totalVolume;
    }

    /// <summary>The level.</summary>
    public string Level { get; }

    /// <summary>The category.</summary>
    public string Category { get; }

    /// <summary>Elements of the group.</summary>
    public int Count { get; }

    /// <summary>Sum of their Area.</summary>
    public double TotalArea { get; }

    /// <summary>Sum of their Volume.</summary>
    public double TotalVolume { get; }
}
