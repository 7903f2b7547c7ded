using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace RevitPerf.PowerShell.Caching;

/// <summary>
/// All the output of one run of a cached operation, kept as the block wrote it (one object stays one object), and the
/// canonical form of the call whose hash is its key, so that a hit can be checked against a hash collision.
/// </summary>
internal sealed class ScriptOutput : IEnumerable
{
    public ScriptOutput(IReadOnlyList<PSObject> items, string? canonical)
    {
        Items = items;
        Canonical = canonical;
    }

    public IReadOnlyList<PSObject> Items { get; }

    /// <summary>The canonical form of the call (null under an explicit key).</summary>
    public string? Canonical { get; }

    public IEnumerator GetEnumerator() => Items.GetEnumerator();

    public override string ToString() => Items.Count == 1
        ? Items[0]?.ToString() ?? string.Empty
        : "{" + string.Join(", ", Items.Take(5).Select(i => i?.ToString())) + (Items.Count > 5 ? ", ...}" : "}");
}
