using System.Collections.Generic;

namespace RevitPerf.Core.Benchmarking;

/// <summary>One element of the synthetic model: what a Revit element looks like to an automation script.</summary>
internal sealed class SyntheticElement
{
    internal SyntheticElement(long id, string category, string level, string family, string type, Dictionary<string, object> parameters)
    {
        Id = id;
        Category = category;
        Level = level;
        Family = family;
        Type = type;
        Parameters = parameters;
    }

    /// <summary>The element id.</summary>
    public long Id { get; }

    /// <summary>Walls, Doors, Windows, Floors, Rooms, Columns, Beams or Furniture.</summary>
    public string Category { get; }

    /// <summary>The level it is hosted on.</summary>
    public string Level { get; }

    /// <summary>The family name.</summary>
    public string Family { get; }

    /// <summary>The type name.</summary>
    public string Type { get; }

    /// <summary>Parameters by name: Area, Volume, Height, Width (doubles), Mark, Comments, Phase (text).</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; }

    /// <summary>A parameter's value, or null when the element has none of that name.</summary>
    public object? GetParameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
