using System;
using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>A cmdlet that writes one of a journal's series, from paths or from the sessions Get-RevitJournal returns.</summary>
public abstract class RevitJournalSeriesCmdlet : RevitJournalCmdlet
{
    /// <summary>The -Journal parameter set.</summary>
    protected const string JournalSet = "Journal";

    /// <summary>Sessions from Get-RevitJournal; their journals are read again for the series.</summary>
    [Parameter(Mandatory = true, ParameterSetName = JournalSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public JournalSession[] Journal { get; set; } = Array.Empty<JournalSession>();

    /// <summary>The series this cmdlet writes.</summary>
    protected abstract JournalSeries Series { get; }

    /// <summary>The type name of the rows (the view they use).</summary>
    protected abstract string RowTypeName { get; }

    /// <summary>True for the rows to write.</summary>
    protected virtual bool Keep(JournalEntry entry) => true;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == JournalSet)
        {
            foreach (var session in Journal)
            {
                Write(session.Path);
            }

            return;
        }

        foreach (var file in JournalFiles())
        {
            Write(file);
        }
    }

    private void Write(string path) =>
        ReadJournal(path, Series, entry =>
        {
            if (Keep(entry))
            {
                WriteTyped(entry, RowTypeName);
            }
        });
}
