using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// The journal cmdlets' plumbing: -Path (wildcards; a folder means the journals in it) or -LiteralPath, by default the
/// journals folder of every Revit release on this machine, and one error per journal that cannot be read while the
/// others go on.
/// </summary>
public abstract class RevitJournalCmdlet : RevitPerfCmdlet
{
    /// <summary>The -Path parameter set.</summary>
    protected const string PathSet = "Path";

    /// <summary>The -LiteralPath parameter set.</summary>
    protected const string LiteralPathSet = "LiteralPath";

    /// <summary>Journal files or folders of journals; wildcards are expanded. By default every Revit release's journals folder.</summary>
    [Parameter(Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Journal files or folders, exactly as written (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The journals -Path or -LiteralPath name (each missing path a non-terminating error), or the default folders' journals.</summary>
    protected IReadOnlyList<string> JournalFiles()
    {
        if (ParameterSetName == LiteralPathSet || Path is { Length: > 0 })
        {
            var literal = ParameterSetName == LiteralPathSet;
            return ResolveExistingFiles(literal ? LiteralPath : Path!, literal, Expand, NotFound);
        }

        var folders = JournalLocations.DefaultFolders();
        if (folders.Count == 0)
        {
            var root = JournalLocations.RevitDataRoot;
            WriteError(NewError(
                new ItemNotFoundException($"No Revit journals folder was found under '{root}' (Autodesk Revit <year>\\Journals); give -Path."),
                ErrorIds.JournalNotFound, ErrorCategory.ObjectNotFound, root));
            return Array.Empty<string>();
        }

        var files = new List<string>();
        foreach (var folder in folders)
        {
            WriteVerbose($"Reading the journals in '{folder}'.");
            files.AddRange(JournalLocations.JournalsIn(folder));
        }

        return files;
    }

    /// <summary>
    /// Reads the journal at <paramref name="path"/>, handing each entry of <paramref name="series"/> to
    /// <paramref name="entry"/> as it is read; returns the session, or null after writing the error that stopped it.
    /// </summary>
    protected JournalSession? ReadJournal(string path, JournalSeries series, Action<JournalEntry>? entry)
    {
        WriteVerbose($"Reading the journal '{path}'.");
        try
        {
            using var reader = new JournalReader(path);
            foreach (var item in reader.ReadEntries(series))
            {
                entry?.Invoke(item);
            }

            return reader.Session;
        }
        catch (JournalFormatException ex)
        {
            WriteError(NewError(ex, ErrorIds.JournalInvalid, ErrorCategory.InvalidData, path));
        }
        catch (UnauthorizedAccessException ex)
        {
            WriteError(NewError(ex, ErrorIds.JournalReadFailed, ErrorCategory.PermissionDenied, path));
        }
        catch (Exception ex) when (ex is IOException or System.Security.SecurityException)
        {
            WriteError(NewError(ex, ErrorIds.JournalReadFailed, ErrorCategory.ReadError, path));
        }

        return null;
    }

    private static IEnumerable<string> Expand(string item) =>
        Directory.Exists(item) ? JournalLocations.JournalsIn(item)
        : File.Exists(item) ? new[] { item }
        : Array.Empty<string>();

    private ErrorRecord NotFound(string path)
    {
        var folder = false;
        try
        {
            folder = Directory.Exists(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            // Not a folder either: the path names nothing.
        }

        return folder
            ? NewError(new ItemNotFoundException($"The folder '{path}' holds no journal ({JournalLocations.JournalPattern})."), ErrorIds.JournalNotFound, ErrorCategory.ObjectNotFound, path)
            : NewError(new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."), ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path);
    }
}
