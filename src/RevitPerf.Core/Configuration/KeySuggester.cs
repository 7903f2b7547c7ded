using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Configuration;

/// <summary>Finds the valid key a misspelt one was most likely meant to be.</summary>
internal static class KeySuggester
{
    /// <summary>
    /// Returns the candidate closest to <paramref name="key"/>, or null when none is close. Case, underscores and
    /// hyphens are ignored first (so <c>CacheMaxSize</c> finds <c>cache_max_size</c>); then the smallest edit
    /// distance wins if it is at most a third of the key's length (and at least 2).
    /// </summary>
    public static string? Suggest(string key, IEnumerable<string> candidates)
    {
        if (key is null || candidates is null)
        {
            return null;
        }

        var wanted = Normalize(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance with one rolling row.</summary>
    internal static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static string Normalize(string key) =>
        key.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
}
