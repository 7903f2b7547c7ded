using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    /// results_directory: a folder, or PostgreSQL for a connection string or postgresql:// URI. Errors never repeat the
    /// location (it may hold a password).
    /// </summary>
    protected RevitPerf.Core.Storage.IResultsStore OpenStore(string? given)
    {
        var benchmark = RevitPerf.Core.RevitPerfOptimizer.CurrentConfiguration.Benchmark;
        var location = !string.IsNullOrWhiteSpace(given) ? given! : benchmark.ResultsStore ?? benchmark.ResultsDirectory ?? ".";
        if (!RevitPerf.Core.Storage.ResultsStores.IsPostgreSql(location))
        {
            return new RevitPerf.Core.Storage.FolderResultsStore(ResolveFileSystemPath(location));
        }

        try
        {
            return new RevitPerf.Core.Storage.PostgreSqlResultsStore(location);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.StoreInvalid, ErrorCategory.InvalidArgument, RedactedLocation));
            throw;
        }
    }

    /// <summary>What an error shows as the target instead of a PostgreSQL location.</summary>
    protected const string RedactedLocation = "PostgreSQL location (not shown: it may hold a password)";

    /// <summary>
    /// Sends the runs waiting in the store's spool, then publishes each run, writing what happened to it. A run the
    /// store cannot take goes to the spool (a warning when the store cannot be reached, an error naming the cause
    /// otherwise) and is sent by the next publish; nothing is lost.
    /// </summary>
    protected void PublishRuns(RevitPerf.Core.Storage.IResultsStore store, IEnumerable<RevitPerf.Core.Storage.ResultsRun> runs, bool writeOutcome)
    {
        var spool = new RevitPerf.Core.Storage.ResultsSpool(store.Description);
        // When the spooled runs could not be sent, the runs after them would fail the same way: they are spooled with that cause.
        var failure = FlushSpool(store, spool, writeOutcome);
        foreach (var run in runs ?? throw new ArgumentNullException(nameof(runs)))
        {
            if (!ShouldProcess(store.Description, $"Publish run {run.RunId} of {run.Machine} at {run.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC ({run.Benchmarks.Count} benchmarks)"))
            {
                continue;
            }

            try
            {
                if (failure is not null)
                {
                    Spool(spool, run, failure);
                    continue;
                }

                var outcome = RevitPerf.Core.Storage.PublishedRun.Publish(store, run);
                WriteVerbose(outcome.Added ? $"Published run {run.RunId} to {store.Description}." : $"Run {run.RunId} is in {store.Description} already.");
                if (writeOutcome)
                {
                    WriteTyped(outcome, PublishedRunTypeName);
                }
            }
            catch (Exception ex) when (ex is RevitPerf.Core.Storage.ResultsStoreException or IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                failure = ex;
                Spool(spool, run, ex);
            }
        }
    }

    private Exception? FlushSpool(RevitPerf.Core.Storage.IResultsStore store, RevitPerf.Core.Storage.ResultsSpool spool, bool writeOutcome)
    {
        if (spool.Count == 0)
        {
            return null;
        }

        try
        {
            var sent = spool.Flush(store, (file, ex) => WriteError(NewError(
                new InvalidDataException($"The spooled run '{file}' cannot be read and was set aside as '{file}.invalid': {ex.Message}", ex),
                ErrorIds.SpoolFileInvalid, ErrorCategory.InvalidData, file)));
            WriteVerbose($"Sent {sent.Count} spooled runs to {store.Description}.");
            foreach (var outcome in sent.Where(_ => writeOutcome))
            {
                WriteTyped(outcome, PublishedRunTypeName);
            }

            return null;
        }
        catch (Exception ex) when (ex is RevitPerf.Core.Storage.ResultsStoreException or IOException or UnauthorizedAccessException)
        {
            WriteWarning($"{spool.Count} spooled runs wait for {store.Description}: {ex.Message}");
            return ex;
        }
    }

    private void Spool(RevitPerf.Core.Storage.ResultsSpool spool, RevitPerf.Core.Storage.ResultsRun run, Exception ex)
    {
        string file;
        try
        {
            file = spool.Add(run);
        }
        catch (Exception spoolError) when (spoolError is IOException or UnauthorizedAccessException)
        {
            WriteError(NewError(new IOException($"Run {run.RunId} could not be published ({ex.Message}) nor spooled ({spoolError.Message}).", ex), ErrorIds.StorePublishFailed, ErrorCategory.WriteError, run.RunId));
            return;
        }

        var failure = (ex as RevitPerf.Core.Storage.ResultsStoreException)?.Failure ?? RevitPerf.Core.Storage.ResultsStoreFailure.Unreachable;
        var message = $"Run {run.RunId} was spooled to '{file}' and will be sent by the next publish: {ex.Message}";
        if (failure == RevitPerf.Core.Storage.ResultsStoreFailure.Unreachable)
        {
            WriteWarning(message);
            return;
        }

        var category = failure switch
        {
            RevitPerf.Core.Storage.ResultsStoreFailure.AuthenticationFailed => ErrorCategory.AuthenticationError,
            RevitPerf.Core.Storage.ResultsStoreFailure.PermissionDenied => ErrorCategory.PermissionDenied,
            RevitPerf.Core.Storage.ResultsStoreFailure.NotFound => ErrorCategory.ObjectNotFound,
            _ => ErrorCategory.WriteError,
        };
        WriteError(NewError(new InvalidOperationException(message, ex), ErrorIds.StorePublishFailed, category, run.RunId));
    }

    /// <summary>The type name published-run rows carry.</summary>
    public const string PublishedRunTypeName = "RevitPerf.PublishedRun";
}
