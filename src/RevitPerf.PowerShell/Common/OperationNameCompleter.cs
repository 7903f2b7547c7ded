using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RevitPerf.Core;

namespace RevitPerf.PowerShell;

/// <summary>Completes operation names from the operations measured so far.</summary>
public sealed class OperationNameCompleter : NameCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<(string Name, string Description)> Candidates() =>
        RevitPerfOptimizer.Current.Metrics.GetStatistics().Select(s =>
            (s.Name, string.Format(CultureInfo.InvariantCulture, "{0}: {1} runs, mean {2:0.###} ms", s.Name, s.Count, s.MeanMs)));
}
