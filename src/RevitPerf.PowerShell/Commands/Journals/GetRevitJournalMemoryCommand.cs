using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The memory figures Revit recorded in its journals, one flat row per step, as they are read.</summary>
[Cmdlet(VerbsCommon.Get, "RevitJournalMemory", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JournalMemorySample))]
public sealed class GetRevitJournalMemoryCommand : RevitJournalSeriesCmdlet
{
    /// <summary>The type name memory rows carry.</summary>
    public const string MemoryTypeName = "RevitPerf.JournalMemorySample";

    /// <inheritdoc/>
    protected override JournalSeries Series => JournalSeries.Memory;

    /// <inheritdoc/>
    protected override string RowTypeName => MemoryTypeName;
}
