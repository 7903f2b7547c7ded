using System.Linq;
using BenchmarkDotNet.Running;

namespace RevitPerf.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (for example --filter *CacheThroughput*), or, with --hit-ratio,
/// the cache hit-ratio harness.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--hit-ratio"))
        {
            return HitRatioHarness.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
