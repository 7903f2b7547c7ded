namespace RevitPerf.Core.Journals;

/// <summary>
/// A timed step Revit recorded (<c>'  5.120334      4:&lt;&lt;loadSerialize</c>): its nesting depth, name, the model it
/// worked on where the line names one in brackets, its elapsed seconds, and the marker Revit puts on slow steps.
/// </summary>
public sealed class JournalOperation : JournalEntry
{
    internal JournalOperation()
    {
    }

    /// <summary>The step's name, without the model path and the gap statistics tail.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Nesting depth (0 is outermost).</summary>
    public int Depth { get; internal set; }

    /// <summary>Elapsed seconds.</summary>
    public double Seconds { get; internal set; }

    /// <summary>Revit's slow marker: <c>!</c>, <c>--</c> or <c>!!!</c>; empty for an ordinary step.</summary>
    public string Marker { get; internal set; } = string.Empty;

    /// <summary>True when Revit marked the step as slow.</summary>
    public bool Slow => Marker.Length > 0;

    /// <summary>The model path the line names in brackets, or null.</summary>
    public string? ModelPath { get; internal set; }
}
