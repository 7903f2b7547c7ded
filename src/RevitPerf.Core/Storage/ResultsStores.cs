using System;

namespace RevitPerf.Core.Storage;

/// <summary>Which kind of store a location names.</summary>
public static class ResultsStores
{
    /// <summary>
    /// True when <paramref name="location"/> is a PostgreSQL connection string (<c>Host=...;Database=...</c>) or URI
    /// (<c>postgresql://</c>, <c>postgres://</c>) rather than a folder.
    /// </summary>
    public static bool IsPostgreSql(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return false;
        }

        var text = location!.Trim();
        return text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || (text.IndexOf('=') > 0 && (text.IndexOf("host=", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("server=", StringComparison.OrdinalIgnoreCase) >= 0));
    }
}
