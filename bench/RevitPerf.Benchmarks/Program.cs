using BenchmarkDotNet.Running;

namespace RevitPerf.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (for example --filter *Configuration*).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
