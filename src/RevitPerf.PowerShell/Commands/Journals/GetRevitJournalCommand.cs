using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// One flat row per Revit session from its journal: version, build, start, end, whether it ended cleanly, models
/// opened, commands, memory peaks and the slowest step. By default the journals of every Revit release on this machine.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RevitJournal", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JournalSession))]
public sealed class GetRevitJournalCommand : RevitJournalCmdlet
{
    /// <summary>The type name sessions carry.</summary>
    public const string SessionTypeName = "RevitPerf.JournalSession";

    private readonly List<string> _files = new();

    /// <summary>Only the newest n journals (by the time they were last written), oldest of them first.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; }

    /// <summary>Only journals written at or after this time (a session still running at that time counts).</summary>
    [Parameter]
    public DateTime Since { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var file in JournalFiles())
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Since)) && LastWrite(file) < Since)
            {
                WriteVerbose($"Skipping '{file}': last written {LastWrite(file)}, before {Since}.");
                continue;
            }

            if (Last > 0)
            {
                _files.Add(file);
            }
            else
            {
                Read(file);
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (Last == 0)
        {
            return;
        }

        var newest = _files.Distinct(StringComparer.Ordinal).Select(file => (File: file, Written: LastWrite(file)))
            .OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var (file, _) in newest.Skip(Math.Max(0, newest.Count - Last)))
        {
            Read(file);
        }
    }

    private static DateTime LastWrite(string file) => File.GetLastWriteTime(file);

    private void Read(string file)
    {
        if (ReadJournal(file, JournalSeries.None, null) is { } session)
        {
            WriteTyped(session, SessionTypeName);
        }
    }
}
