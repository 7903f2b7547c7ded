using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// A deterministic, Revit-like element model for the Api benchmarks: the same seed gives the same elements on every
/// machine and run, so figures are comparable. Elements carry a category, level, family, type and a parameter
/// dictionary, as an automation script sees them through the Revit API.
/// </summary>
internal sealed class SyntheticModel
{
    /// <summary>The categories elements belong to.</summary>
    public static readonly IReadOnlyList<string> Categories = new[] { "Walls", "Doors", "Windows", "Floors", "Rooms", "Columns", "Beams", "Furniture" };

    /// <summary>The categories the complex query keeps.</summary>
    public static readonly IReadOnlyList<string> QueriedCategories = new[] { "Walls", "Doors", "Windows", "Floors" };

    private const int LevelCount = 10;
    private const int FamiliesPerCategory = 5;
    private const int TypesPerFamily = 4;

    private readonly SyntheticElement[] _elements;
    private readonly Dictionary<long, SyntheticElement> _byId;

    private SyntheticModel(SyntheticElement[] elements)
    {
        _elements = elements;
        _byId = elements.ToDictionary(e => e.Id);
    }

    /// <summary>The elements, by ascending id.</summary>
    public IReadOnlyList<SyntheticElement> Elements => _elements;

    /// <summary>Builds a model of <paramref name="elementCount"/> elements from <paramref name="seed"/>.</summary>
    public static SyntheticModel Create(int elementCount, int seed = 2026)
    {
        if (elementCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(elementCount), elementCount, "A model needs at least one element.");
        }

        var random = new Random(seed);
        var elements = new SyntheticElement[elementCount];
        for (var i = 0; i < elementCount; i++)
        {
            var category = Categories[random.Next(Categories.Count)];
            var family = string.Format(CultureInfo.InvariantCulture, "{0} Family {1}", category, random.Next(FamiliesPerCategory) + 1);
            var type = string.Format(CultureInfo.InvariantCulture, "{0} Type {1}", family, random.Next(TypesPerFamily) + 1);
            var width = Math.Round(0.1 + (random.NextDouble() * 2.9), 3);
            var height = Math.Round(2 + (random.NextDouble() * 2), 3);
            var length = Math.Round(0.5 + (random.NextDouble() * 9.5), 3);
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["Width"] = width,
                ["Height"] = height,
                ["Area"] = Math.Round(width * length, 4),
                ["Volume"] = Math.Round(width * length * height, 4),
                ["Mark"] = string.Format(CultureInfo.InvariantCulture, "{0}-{1:D5}", category.Substring(0, 1), i),
                ["Comments"] = random.Next(4) == 0 ? "Check on site" : string.Empty,
                ["Phase"] = random.Next(3) == 0 ? "Existing" : "New Construction",
            };
            elements[i] = new SyntheticElement(
                100_000 + i, category, "Level " + (random.Next(LevelCount) + 1).ToString(CultureInfo.InvariantCulture), family, type, parameters);
        }

        return new SyntheticModel(elements);
    }

    /// <summary>The element with <paramref name="id"/>; throws when there is none.</summary>
    public SyntheticElement GetElement(long id) =>
        _byId.TryGetValue(id, out var element) ? element : throw new KeyNotFoundException($"There is no element {id}.");

    /// <summary>The simple API call: one parameter of one element, as a number.</summary>
    public double ReadParameter(long id, string name) =>
        GetElement(id).GetParameter(name) is double value ? value : throw new KeyNotFoundException($"Element {id} has no numeric parameter '{name}'.");

    /// <summary>
    /// The complex API call: new-construction walls, doors, windows and floors taller than
    /// <paramref name="minimumHeight"/>, grouped by level and category, with counts and total area and volume,
    /// ordered by level then category.
    /// </summary>
    public IReadOnlyList<LevelCategorySummary> QueryByLevelAndCategory(double minimumHeight = 2.5)
    {
        var groups = new Dictionary<(string Level, string Category), (int Count, double Area, double Volume)>();
        foreach (var element in _elements)
        {
            if (!IsQueried(element.Category)
                || !(element.GetParameter("Height") is double height && height > minimumHeight)
                || !Equals(element.GetParameter("Phase"), "New Construction"))
            {
                continue;
            }

            var key = (element.Level, element.Category);
            groups.TryGetValue(key, out var totals);
            groups[key] = (totals.Count + 1, totals.Area + (double)element.Parameters["Area"], totals.Volume + (double)element.Parameters["Volume"]);
        }

        return groups
            .OrderBy(g => LevelNumber(g.Key.Level)).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => new LevelCategorySummary(g.Key.Level, g.Key.Category, g.Value.Count, g.Value.Area, g.Value.Volume))
            .ToList();
    }

    private static bool IsQueried(string category)
    {
        for (var i = 0; i < QueriedCategories.Count; i++)
        {
            if (string.Equals(QueriedCategories[i], category, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int LevelNumber(string level) => int.Parse(level.Substring("Level ".Length), CultureInfo.InvariantCulture);
}
