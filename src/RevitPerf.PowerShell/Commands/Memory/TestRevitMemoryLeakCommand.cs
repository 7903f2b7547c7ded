using System;
using System.Management.Automation;
using System.Threading;
using RevitPerf.Core.Memory;
using RevitPerf.PowerShell.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs a script block repeatedly, forcing a full collection every 50 runs, and decides from the trend of the retained
/// managed heap whether it leaks: NoLeak, Suspected or Leak, with the bytes retained per run.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RevitMemoryLeak", DefaultParameterSetName = IterationsSet)]
[OutputType(typeof(LeakTestResult))]
public sealed class TestRevitMemoryLeakCommand : RevitPerfCmdlet
{
    private const string IterationsSet = "Iterations";
    private const string DurationSet = "Duration";

    /// <summary>The type name results carry.</summary>
    public const string ResultTypeName = "RevitPerf.LeakTestResult";

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The operation to test.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>A name for the result.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "ScriptBlock";

    /// <summary>Runs once first, dot-sourced: its variables are visible to the operation.</summary>
    [Parameter]
    public ScriptBlock? Setup { get; set; }

    /// <summary>How many times to run the block (at least 250: 100 to warm up, then four samples 50 apart).</summary>
    [Parameter(ParameterSetName = IterationsSet)]
    [ValidateRange(250, int.MaxValue)]
    public int Iterations { get; set; } = 500;

    /// <summary>How long to run the block instead (at least 250 runs happen whatever the time).</summary>
    [Parameter(Mandatory = true, ParameterSetName = DurationSet)]
    public TimeSpan Duration { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (ParameterSetName == DurationSet && Duration <= TimeSpan.Zero)
        {
            ThrowTerminatingError(NewError(
                new ArgumentOutOfRangeException(nameof(Duration), Duration, "The duration must be positive."),
                ErrorIds.LeakTestInvalidArgument, ErrorCategory.InvalidArgument, Duration));
        }

        var total = ParameterSetName == IterationsSet ? Iterations : 0;
        var run = new LeakTestRun(
            Name, ScriptBlock!, Setup, ParameterSetName == IterationsSet ? Iterations : null, ParameterSetName == DurationSet ? Duration : null,
            _cancellation.Token,
            done => WriteProgress(new ProgressRecord(0, "Test-RevitMemoryLeak", $"{Name}: {done} runs")
            {
                PercentComplete = total > 0 ? Math.Min(100, 100 * done / total) : -1,
                CurrentOperation = "Forced a full collection and sampled the retained heap",
            }));
        try
        {
            System.Management.Automation.ScriptBlock.Create(LeakTestRun.Script).Invoke(run);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException && !_cancellation.IsCancellationRequested)
        {
            WriteError(NewError(
                new InvalidOperationException($"The leak test '{Name}' stopped: {ScriptBlockWorkload.Describe(ex.InnerException as RuntimeException ?? ex)}", ex),
                ErrorIds.LeakTestFailed, ErrorCategory.InvalidOperation, Name));
            return;
        }
        finally
        {
            WriteProgress(new ProgressRecord(0, "Test-RevitMemoryLeak", "Done") { RecordType = ProgressRecordType.Completed });
        }

        var output = PSObject.AsPSObject(run.Result!);
        output.TypeNames.Insert(0, ResultTypeName);
        WriteObject(output);
    }

    /// <inheritdoc/>
    protected override void StopProcessing() => _cancellation.Cancel();
}
