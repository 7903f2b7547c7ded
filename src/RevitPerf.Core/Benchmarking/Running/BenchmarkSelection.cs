using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Benchmarking;

/// <summary>Which benchmarks -Suite and -Name select: names and PowerShell wildcards, without regard to case.</summary>
internal sealed class BenchmarkSelection
{
    private readonly List<WildcardMatcher> _suites;
    private readonly List<WildcardMatcher> _names;
    private readonly bool _everySuite;

    /// <summary>Compiles the patterns; an empty list selects everything, and so does the suite name All.</summary>
    /// <exception cref="InvalidWildcardPatternException">A pattern cannot be matched.</exception>
    public BenchmarkSelection(IEnumerable<string>? suites, IEnumerable<string>? names)
    {
        _suites = Compile(suites);
        _names = Compile(names);
        _everySuite = _suites.Any(m => string.Equals(m.Pattern, Benchmarking.BuiltInSuites.All, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when a benchmark of <paramref name="suite"/> named <paramref name="name"/> is selected.</summary>
    public bool Selects(string suite, string name) => (_everySuite || Matches(_suites, suite)) && Matches(_names, name);

    /// <summary>The names given without wildcards that none of <paramref name="names"/> is.</summary>
    public IReadOnlyList<string> UnmatchedNames(IEnumerable<string> names)
    {
        var all = (names ?? throw new ArgumentNullException(nameof(names))).ToList();
        return _names.Where(m => m.IsLiteral && !all.Any(m.IsMatch)).Select(m => m.Pattern).ToList();
    }

    /// <summary>
    /// The built-in suites -Suite names (All, or names and wildcards), in run order; <paramref name="notFound"/> gets
    /// the names without wildcards that name no suite.
    /// </summary>
    public IReadOnlyList<string> BuiltInSuites(out IReadOnlyList<string> notFound)
    {
        var missing = new List<string>();
        var selected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_suites.Count == 0)
        {
            selected.UnionWith(Benchmarking.BuiltInSuites.Names);
        }

        foreach (var matcher in _suites)
        {
            var matched = string.Equals(matcher.Pattern, Benchmarking.BuiltInSuites.All, StringComparison.OrdinalIgnoreCase)
                ? Benchmarking.BuiltInSuites.Names.ToList()
                : Benchmarking.BuiltInSuites.Names.Where(matcher.IsMatch).ToList();
            if (matched.Count == 0 && matcher.IsLiteral)
            {
                missing.Add(matcher.Pattern);
            }

            selected.UnionWith(matched);
        }

        notFound = missing;
        return Benchmarking.BuiltInSuites.Names.Where(selected.Contains).ToList();
    }

    private static List<WildcardMatcher> Compile(IEnumerable<string>? patterns) =>
        (patterns ?? Array.Empty<string>()).Select(p => new WildcardMatcher(p, ignoreCase: true)).ToList();

    private static bool Matches(List<WildcardMatcher> matchers, string value) => matchers.Count == 0 || matchers.Any(m => m.IsMatch(value));
}
