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

    /// <summary>
    /// The measurements do not tell the classes apart: independent rounds of them point at different classes, so the
    /// noise is larger than the difference. The result's Reason says which.
    /// </summary>
    Inconclusive,
}
