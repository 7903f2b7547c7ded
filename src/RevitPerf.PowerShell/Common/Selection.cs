using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell;

/// <summary>Selection of live objects by -Name, -CacheName or -Monitor, the same way for every capability.</summary>
internal static class Selection
{
    /// <summary>
    /// The objects of <paramref name="registry"/> that <paramref name="patterns"/> select, each once, in the order of
    /// the patterns. A name without wildcards that names nothing is a non-terminating <paramref name="notFoundId"/>
    /// error written to <paramref name="writeError"/> (its message ends with <paramref name="hint"/>), and so is a pattern
    /// that cannot be matched. Internal, and so never loaded at import: its signature names RevitPerf.Core types.
    /// </summary>
    public static IReadOnlyList<T> Select<T>(NamedRegistry<T> registry, IEnumerable<string> patterns, Action<ErrorRecord> writeError, string notFoundId, string hint)
        where T : class, INamedObject
    {
        if (registry is null)
        {
            throw new ArgumentNullException(nameof(registry));
        }

        var found = new List<T>();
        foreach (var pattern in patterns ?? throw new ArgumentNullException(nameof(patterns)))
        {
            RegistrySelection<T> selection;
            try
            {
                selection = registry.Select(new[] { pattern });
            }
            catch (InvalidWildcardPatternException ex)
            {
                writeError(Errors.InvalidWildcard(ex));
                continue;
            }

            foreach (var name in selection.NotFound)
            {
                writeError(new ErrorRecord(
                    new ItemNotFoundException($"There is no {registry.Kind} named '{name}'. {hint}"), notFoundId, ErrorCategory.ObjectNotFound, name));
            }

            found.AddRange(selection.Items.Where(item => !found.Contains(item)));
        }

        return found;
    }
}
