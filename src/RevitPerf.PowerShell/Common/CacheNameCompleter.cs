using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes cache names (-CacheName, -Name) from the caches that exist.</summary>
public sealed class CacheNameCompleter : NameCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Candidates() =>
        RevitPerfOptimizer.Current.Caches.All.Select(c => (c.Name, $"{c.Name}: {c.Policy}, {c.Count} of {c.MaxSize} entries"));
}
