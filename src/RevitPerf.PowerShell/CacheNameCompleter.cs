using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes cache names (-CacheName, -Name) from the caches that exist.</summary>
public sealed class CacheNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return RevitPerfOptimizer.Current.Caches.All
            .Where(c => c.Name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(
                CompletionText.For(c.Name),
                c.Name,
                CompletionResultType.ParameterValue,
                $"{c.Name}: {c.Policy}, {c.Count} of {c.MaxSize} entries"))
            .ToList();
    }
}
