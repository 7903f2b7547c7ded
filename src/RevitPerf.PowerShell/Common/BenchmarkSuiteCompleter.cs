using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell;

/// <summary>Completes -Suite with the built-in suites and All.</summary>
public sealed class BenchmarkSuiteCompleter : NameCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Candidates() =>
        new[] { (BuiltInSuites.All, "Every built-in suite") }.Concat(BuiltInSuites.Names.Select(n => (n, "The built-in " + n + " suite")));
}
