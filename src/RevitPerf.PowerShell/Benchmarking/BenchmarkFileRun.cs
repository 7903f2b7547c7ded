using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// One *.Benchmarks.ps1 file, handed to <see cref="Script"/> as $__RevitPerfFile. The wrapper dot-sources the file
/// into its own scope and passes what it output to <see cref="Run"/>, which runs the benchmarks while that scope (and
/// the file's variables) is still alive.
/// </summary>
public sealed class BenchmarkFileRun
{
    /// <summary>The wrapper every benchmark file runs in.</summary>
    internal const string Script = @"
param($__RevitPerfFile)
$__RevitPerfFile.Run(@(. $__RevitPerfFile.Path))
";

    private readonly Action<IReadOnlyList<BenchmarkDefinition>> _run;

    internal BenchmarkFileRun(string path, Action<IReadOnlyList<BenchmarkDefinition>> run)
    {
        Path = path;
        _run = run;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>
    /// Dot-sources each file and hands the benchmarks it defines to <paramref name="run"/> while the file's scope (and
    /// its variables) is alive. A file that throws is reported to <paramref name="failed"/> and the others go on.
    /// </summary>
    internal static void RunAll(
        IEnumerable<string> files, Action<IReadOnlyList<BenchmarkDefinition>> run, Action<string, RuntimeException> failed, Func<bool> stopping)
    {
        var wrapper = ScriptBlock.Create(Script);
        foreach (var file in files)
        {
            try
            {
                wrapper.Invoke(new BenchmarkFileRun(file, run));
            }
            catch (RuntimeException ex) when (ex is not PipelineStoppedException && !stopping())
            {
                failed(file, ex);
            }
        }
    }

    /// <summary>Runs the benchmarks among the file's output (anything else it wrote is ignored).</summary>
    public void Run(object[] output)
    {
        var definitions = (output ?? Array.Empty<object>())
            .Select(o => o is PSObject ps ? ps.BaseObject : o)
            .OfType<BenchmarkDefinition>()
            .ToList();
        foreach (var definition in definitions)
        {
            definition.Source ??= Path;
        }

        _run(definitions);
    }
}
