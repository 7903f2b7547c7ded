using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes memory monitor names (-Name of the monitor cmdlets, -Monitor).</summary>
public sealed class MonitorNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return RevitPerfOptimizer.Current.Monitors.All
            .Where(m => m.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(m => new CompletionResult(
                CompletionText.For(m.Name),
                m.Name, CompletionResultType.ParameterValue, $"{m.Name}: {m.ProcessName} ({m.ProcessId})"))
            .ToList();
    }
}
