using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>Unwraps pipeline input into benchmark results.</summary>
internal static class ResultInput
{
    /// <summary>The result <paramref name="value"/> holds (through any PSObject wrapping), or null.</summary>
    public static BenchmarkResult? AsResult(object? value) => (value is PSObject ps ? ps.BaseObject : value) as BenchmarkResult;
}
