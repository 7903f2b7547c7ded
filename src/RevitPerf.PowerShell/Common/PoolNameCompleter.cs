using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes object pool names from the pools that exist.</summary>
public sealed class PoolNameCompleter : NameCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Candidates() =>
        RevitPerfOptimizer.Current.Pools.All.Select(p => (p.Name, $"{p.Name}: {p.ItemType.FullName}, {p.Available} idle of {p.MaxSize}"));
}
