using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace RevitPerf.PowerShell;

/// <summary>
/// The one argument completer of names: completes a parameter from the names (and descriptions) a capability lists,
/// quoting a name PowerShell would otherwise parse. A capability's completer only says where its names come from.
/// </summary>
public abstract class NameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Candidates()
            .Where(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, c.Description))
            .ToList();
    }

    /// <summary><paramref name="name"/>, single-quoted when it holds a character PowerShell would parse.</summary>
    public static string Quote(string name) =>
        (name ?? string.Empty).IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '|', '&' }) >= 0
            ? "'" + name!.Replace("'", "''") + "'"
            : name ?? string.Empty;

    /// <summary>The names to offer, in order, each with the tooltip to show.</summary>
    protected abstract IEnumerable<(string Name, string Description)> Candidates();
}
