using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell;

/// <summary>Completes -Suite with the built-in suites and All.</summary>
public sealed class BenchmarkSuiteCompleter : IArgumentCompleter
{
    /// <summary>The name that selects every built-in suite.</summary>
    public const string All = "All";

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return new[] { All }.Concat(BuiltInSuites.Names)
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n == All ? "Every built-in suite" : "The built-in " + n + " suite"))
            .ToList();
    }
}
