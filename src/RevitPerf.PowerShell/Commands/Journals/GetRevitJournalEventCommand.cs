using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The commands, dialogs, data entries, model opens and saves, and session start and end in Revit's journals.</summary>
[Cmdlet(VerbsCommon.Get, "RevitJournalEvent", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JournalEvent))]
public sealed class GetRevitJournalEventCommand : RevitJournalSeriesCmdlet
{
    /// <summary>The type name event rows carry.</summary>
    public const string EventTypeName = "RevitPerf.JournalEvent";

    /// <summary>Only events of these kinds.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public JournalEventKind[] Kind { get; set; } = Array.Empty<JournalEventKind>();

    /// <inheritdoc/>
    protected override JournalSeries Series => JournalSeries.Events;

    /// <inheritdoc/>
    protected override string RowTypeName => EventTypeName;

    /// <inheritdoc/>
    protected override bool Keep(JournalEntry entry) =>
        entry is JournalEvent journalEvent && (Kind.Length == 0 || Kind.Contains(journalEvent.Kind));
}
