using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>What the benchmark cmdlets share: reading baseline and results files, and where and how PowerShell runs.</summary>
public abstract class RevitBenchmarkCmdlet : RevitPerfCmdlet
{
    /// <summary>The type name results carry for views and PSTypeName checks.</summary>
    public const string ResultTypeName = "RevitPerf.BenchmarkResult";

    /// <summary>
    /// The benchmarks' samples in the baseline or results file <paramref name="given"/> (a PowerShell path). A file that
    /// does not exist is the <paramref name="notFoundId"/> error, one that is not a benchmark file the
    /// <paramref name="invalidId"/> error: terminating or not as asked (null is returned after a non-terminating one).
    /// </summary>
    protected IReadOnlyList<BenchmarkSamples>? ReadBenchmarkFile(string given, string notFoundId, string invalidId, bool terminating)
    {
        ErrorRecord? error;
        if (!TryResolveFileSystemPath(given, out var path, out error))
        {
        }
        else if (!File.Exists(path))
        {
            error = NewError(new FileNotFoundException($"Cannot find the benchmark file '{given}'.", path), notFoundId, ErrorCategory.ObjectNotFound, given);
        }
        else
        {
            try
            {
                return BenchmarkBaselineFile.Read(path);
            }
            catch (BenchmarkFileException ex)
            {
                error = NewError(ex, invalidId, ErrorCategory.InvalidData, given);
            }
        }

        if (terminating)
        {
            ThrowTerminatingError(error!);
        }

        WriteError(error!);
        return null;
    }

    /// <summary>Where results are measured: this PowerShell, its edition, this module's version.</summary>
    protected BenchmarkEnvironment CurrentEnvironment() => new(
        (SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.Hashtable)?["PSVersion"]?.ToString() ?? string.Empty,
        (SessionState.PSVariable.GetValue("PSEdition") as string) ?? string.Empty,
        MyInvocation.MyCommand.Module?.Version?.ToString() ?? string.Empty);

    /// <summary>How to start a fresh process of this PowerShell (the Startup and Memory.Idle benchmarks do).</summary>
    private protected PowerShellLauncher CurrentLauncher()
    {
        var home = SessionState.PSVariable.GetValue("PSHOME") as string ?? string.Empty;
        var desktop = string.Equals(SessionState.PSVariable.GetValue("PSEdition") as string, "Desktop", StringComparison.OrdinalIgnoreCase);
        using var current = System.Diagnostics.Process.GetCurrentProcess();
        return PowerShellLauncher.ForHome(home, desktop, current.MainModule?.FileName);
    }

    /// <summary>The manifest of the module this cmdlet came from (to import it elsewhere), or null.</summary>
    protected string? ModuleManifestPath()
    {
        var module = MyInvocation.MyCommand.Module;
        if (module is null)
        {
            return null;
        }

        var manifest = System.IO.Path.Combine(module.ModuleBase, module.Name + ".psd1");
        return File.Exists(manifest) ? manifest : module.Path;
    }

    /// <summary>
    /// The results store <paramref name="given"/> names (-Store), else the configuration's results_store, else its
    /// results_directory. A PostgreSQL connection string is refused with a StoreNotSupported error that does not repeat it.
    /// </summary>
    protected RevitPerf.Core.Storage.IResultsStore OpenStore(string? given)
    {
        var benchmark = RevitPerf.Core.RevitPerfOptimizer.CurrentConfiguration.Benchmark;
        var location = !string.IsNullOrWhiteSpace(given) ? given! : benchmark.ResultsStore ?? benchmark.ResultsDirectory ?? ".";
        if (RevitPerf.Core.Storage.ResultsStores.IsPostgreSql(location))
        {
            ThrowTerminatingError(NewError(
                new NotSupportedException("The results store is a PostgreSQL connection string; this version of RevitPerf stores runs in folders only (a shared folder serves several machines)."),
                ErrorIds.StoreNotSupported, ErrorCategory.NotImplemented, "PostgreSQL connection string (not shown)"));
        }

        return new RevitPerf.Core.Storage.FolderResultsStore(ResolveFileSystemPath(location));
    }

    /// <summary>Publishes each run, writing what happened to it; a run that fails is a StorePublishFailed error and the rest go on.</summary>
    protected void PublishRuns(RevitPerf.Core.Storage.IResultsStore store, IEnumerable<RevitPerf.Core.Storage.ResultsRun> runs, bool writeOutcome)
    {
        foreach (var run in runs ?? throw new ArgumentNullException(nameof(runs)))
        {
            if (!ShouldProcess(store.Description, $"Publish run {run.RunId} of {run.Machine} at {run.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC ({run.Benchmarks.Count} benchmarks)"))
            {
                continue;
            }

            try
            {
                var outcome = RevitPerf.Core.Storage.PublishedRun.Publish(store, run);
                WriteVerbose(outcome.Added ? $"Published run {run.RunId} to {store.Description}." : $"Run {run.RunId} is in {store.Description} already.");
                if (writeOutcome)
                {
                    WriteTyped(outcome, PublishedRunTypeName);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                WriteError(NewError(ex, ErrorIds.StorePublishFailed, ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, run.RunId));
            }
        }
    }

    /// <summary>The type name published-run rows carry.</summary>
    public const string PublishedRunTypeName = "RevitPerf.PublishedRun";
}
