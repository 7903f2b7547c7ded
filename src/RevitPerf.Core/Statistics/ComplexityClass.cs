namespace RevitPerf.Core.Statistics;

/// <summary>How an operation's time grows with the number of elements.</summary>
public enum ComplexityClass
{
    /// <summary>Constant: O(1).</summary>
    Constant,

    /// <summary>Logarithmic: O(log n).</summary>
    Logarithmic,

    /// <summary>Linear: O(n).</summary>
    Linear,

    /// <summary>Linearithmic: O(n log n).</summary>
    Linearithmic,

    /// <summary>Quadratic: O(n²).</summary>
    Quadratic,
}
