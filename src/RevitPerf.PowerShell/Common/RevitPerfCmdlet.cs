using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The plumbing every RevitPerf cmdlet shares: errors, selection of live objects by name, path resolution, typed output.</summary>
public abstract class RevitPerfCmdlet : PSCmdlet
{
    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        // Pester imported after RevitPerf: its Should operator is registered by the first RevitPerf command after it.
        PesterOperator.RegisterIfPesterArrived();
        base.BeginProcessing();
    }

    /// <summary>Builds an ErrorRecord with a stable id, a category and the offending input as target.</summary>
    protected static ErrorRecord NewError(Exception exception, string errorId, ErrorCategory category, object? target) =>
        new(exception, errorId, category, target);

    /// <summary>
    /// Stops with <paramref name="existsId"/> (ResourceExists, <paramref name="target"/> as target) when
    /// <paramref name="file"/> exists and -NoClobber was given; called before ShouldProcess, so -WhatIf says so too.
    /// </summary>
    protected void ThrowIfClobbering(string file, bool noClobber, string existsId, object target)
    {
        if (noClobber && File.Exists(file))
        {
            ThrowTerminatingError(NewError(
                new IOException($"The file '{file}' already exists, and -NoClobber was given."), existsId, ErrorCategory.ResourceExists, target));
        }
    }

    /// <summary>
    /// Writes <paramref name="file"/> as UTF-8 without a byte-order mark through <paramref name="write"/>, as the Export
    /// cmdlets do: -Force replaces a read-only file, -NoClobber creates the file only if it still does not exist (so a
    /// file made meanwhile is not replaced either). A failure stops with <paramref name="existsId"/> (the file appeared)
    /// or <paramref name="failedId"/>, the category PermissionDenied or WriteError, and <paramref name="target"/> as target.
    /// </summary>
    protected void WriteTextFile(string file, bool force, bool noClobber, string existsId, string failedId, object target, Action<TextWriter> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        try
        {
            var info = new FileInfo(file);
            if (force && info.Exists && info.IsReadOnly)
            {
                info.IsReadOnly = false;
            }

            using var stream = new FileStream(file, noClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16);
            write(writer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            var category = ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError;
            ThrowTerminatingError(NewError(ex, noClobber && File.Exists(file) && ex is IOException ? existsId : failedId, category, target));
        }
    }

    /// <summary>Writes <paramref name="value"/> with <paramref name="typeName"/> first among its type names (the view it uses).</summary>
    protected void WriteTyped(object value, string typeName)
    {
        var output = PSObject.AsPSObject(value);
        output.TypeNames.Insert(0, typeName);
        WriteObject(output);
    }

    /// <summary>Writes one configuration file problem as a non-terminating error, its place in the message.</summary>
    protected void WriteProblem(ConfigurationProblem problem)
    {
        if (problem is null)
        {
            throw new ArgumentNullException(nameof(problem));
        }

        var (id, category) = problem.Kind switch
        {
            ConfigurationProblemKind.SyntaxError => (ErrorIds.ConfigSyntaxError, ErrorCategory.ParserError),
            ConfigurationProblemKind.UnknownKey => (ErrorIds.ConfigUnknownKey, ErrorCategory.InvalidData),
            ConfigurationProblemKind.InvalidType => (ErrorIds.ConfigInvalidType, ErrorCategory.InvalidType),
            _ => (ErrorIds.ConfigValueOutOfRange, ErrorCategory.InvalidData),
        };
        var record = NewError(new InvalidDataException(problem.Message), id, category, problem);
        var action = problem.Suggestion is not null ? $"Use '{problem.Suggestion}'."
            : problem.AllowedValues is not null ? $"Give {problem.Key} {problem.AllowedValues}."
            : null;
        if (action is not null)
        {
            record.ErrorDetails = new ErrorDetails(problem.Message) { RecommendedAction = action };
        }

        WriteError(record);
    }

    /// <summary>
    /// Adds the benchmark results among <paramref name="items"/> to <paramref name="results"/>; anything else is a
    /// non-terminating BenchmarkResultInvalid error.
    /// </summary>
    protected void AddResults(IEnumerable<PSObject> items, List<RevitPerf.Core.Benchmarking.BenchmarkResult> results)
    {
        foreach (var item in items ?? throw new ArgumentNullException(nameof(items)))
        {
            if (Benchmarking.ResultInput.AsResult(item) is { } result)
            {
                (results ?? throw new ArgumentNullException(nameof(results))).Add(result);
            }
            else
            {
                WriteError(NewError(
                    new ArgumentException($"'{item}' is not a benchmark result; pipe the output of Invoke-RevitBenchmark."),
                    ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidArgument, item));
            }
        }
    }

    /// <summary>
    /// The file system path <paramref name="path"/> names, relative to PowerShell's current location (never the
    /// process's). False, with the error to write or throw, when it is on another provider (PathNotFileSystem) or is
    /// no valid path at all (PathInvalid: a NUL in it, say); the path is the error's target.
    /// </summary>
    protected bool TryResolveFileSystemPath(string path, out string resolved, out ErrorRecord? error)
    {
        resolved = string.Empty;
        error = null;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            error = NotFileSystem(path, provider);
            if (error is null)
            {
                resolved = Path.GetFullPath(resolved);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderInvocationException)
        {
            error = NewError(
                new ArgumentException($"'{path}' is not a valid file system path: {ex.Message}", ex), ErrorIds.PathInvalid, ErrorCategory.InvalidArgument, path);
        }

        return error is null;
    }

    /// <summary>The file system path <paramref name="path"/> names, or a terminating error (see <see cref="TryResolveFileSystemPath"/>).</summary>
    protected string ResolveFileSystemPath(string path)
    {
        if (!TryResolveFileSystemPath(path, out var resolved, out var error))
        {
            ThrowTerminatingError(error!);
        }

        return resolved;
    }

    /// <summary>The error for a path on a provider other than the FileSystem, or null when it is a file system path.</summary>
    protected static ErrorRecord? NotFileSystem(string path, ProviderInfo provider) =>
        provider is not null && provider.ImplementingType == typeof(Microsoft.PowerShell.Commands.FileSystemProvider)
            ? null
            : NewError(
                new ArgumentException($"'{path}' is not a file system path; the {provider?.Name} provider cannot hold RevitPerf's files."),
                ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, path);

    /// <summary>
    /// Resolves -Path (wildcards) or -LiteralPath values to existing FileSystem files. Each path that resolves to
    /// nothing, or to another provider, is a non-terminating error; the rest are returned in order.
    /// </summary>
    protected IReadOnlyList<string> ResolveExistingFiles(IEnumerable<string> paths, bool literal) =>
        ResolveExistingFiles(paths, literal, item => File.Exists(item) ? new[] { item } : Array.Empty<string>(), path => NewError(
            new FileNotFoundException($"Cannot find the configuration file '{path}'.", path),
            ErrorIds.ConfigFileNotFound, ErrorCategory.ObjectNotFound, path));

    /// <summary>
    /// Resolves -Path (wildcards) or -LiteralPath values on the FileSystem and turns each resolved item into files
    /// with <paramref name="expand"/> (a folder into the files it holds, say). A path that yields no file is the
    /// <paramref name="notFound"/> error, one on another provider a PathNotFileSystem error; the files are returned
    /// in order (a file named twice comes twice: a later configuration file overrides an earlier one).
    /// </summary>
    protected IReadOnlyList<string> ResolveExistingFiles(
        IEnumerable<string> paths, bool literal, Func<string, IEnumerable<string>> expand, Func<string, ErrorRecord> notFound)
    {
        if (expand is null)
        {
            throw new ArgumentNullException(nameof(expand));
        }

        if (notFound is null)
        {
            throw new ArgumentNullException(nameof(notFound));
        }

        var files = new List<string>();
        foreach (var path in paths ?? throw new ArgumentNullException(nameof(paths)))
        {
            IEnumerable<string> resolved;
            try
            {
                ProviderInfo provider;
                resolved = literal
                    ? new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                    : GetResolvedProviderPathFromPSPath(path, out provider);
                if (NotFileSystem(path, provider) is { } notFileSystem)
                {
                    WriteError(notFileSystem);
                    continue;
                }
            }
            catch (ItemNotFoundException)
            {
                resolved = Array.Empty<string>();
            }

            var before = files.Count;
            files.AddRange(resolved.SelectMany(expand));
            if (files.Count == before)
            {
                WriteError(notFound(path));
            }
        }

        return files;
    }
}
