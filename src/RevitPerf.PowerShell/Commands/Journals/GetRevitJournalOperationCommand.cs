using System.Management.Automation;
using RevitPerf.Core.Journals;

namespace RevitPerf.PowerShell.Commands;

/// <summary>The timed steps Revit recorded in its journals (opening a model, loading, regenerating), one flat row each.</summary>
[Cmdlet(VerbsCommon.Get, "RevitJournalOperation", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JournalOperation))]
public sealed class GetRevitJournalOperationCommand : RevitJournalSeriesCmdlet
{
    /// <summary>The type name step rows carry.</summary>
    public const string OperationTypeName = "RevitPerf.JournalOperation";

    /// <summary>Only steps that took at least this many seconds.</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double MinimumSeconds { get; set; }

    /// <summary>Only steps Revit marked as slow (!, -- or !!!).</summary>
    [Parameter]
    public SwitchParameter Slow { get; set; }

    /// <inheritdoc/>
    protected override JournalSeries Series => JournalSeries.Operations;

    /// <inheritdoc/>
    protected override string RowTypeName => OperationTypeName;

    /// <inheritdoc/>
    protected override bool Keep(JournalEntry entry) =>
        entry is JournalOperation operation && operation.Seconds >= MinimumSeconds && (!Slow || operation.Slow);
}
