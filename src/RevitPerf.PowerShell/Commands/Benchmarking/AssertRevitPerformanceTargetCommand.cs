using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Fails, with one terminating error naming every miss (benchmark, metric, target, measured value and its confidence
/// interval), when any of the results piped in missed a target or had failing iterations.
/// </summary>
[Cmdlet(VerbsLifecycle.Assert, "RevitPerformanceTarget")]
[OutputType(typeof(BenchmarkResult))]
public sealed class AssertRevitPerformanceTargetCommand : RevitPerfCmdlet
{
    private readonly List<BenchmarkResult> _results = new();
    private readonly List<object> _given = new();

    /// <summary>The results to check (from Invoke-RevitBenchmark).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>Writes the results on when every target is met.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _given.AddRange(InputObject);
        AddResults(InputObject, _results);
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_results.Count == 0)
        {
            // Asserting nothing must not pass: a broken run that produced no results would go unnoticed in CI.
            ThrowTerminatingError(NewError(
                new InvalidOperationException("No benchmark results were given, so no target can be confirmed."),
                ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidArgument, _given.Count == 0 ? "(no input)" : _given.ToArray()));
        }

        var misses = TargetValidator.Check(_results);
        if (misses.Count > 0)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException(TargetValidator.Describe(misses)),
                ErrorIds.BenchmarkTargetMissed, ErrorCategory.InvalidResult, misses.ToArray()));
        }

        WriteVerbose($"All {_results.Count} benchmarks met their targets.");
        if (PassThru)
        {
            foreach (var result in _results)
            {
                WriteObject(result);
            }
        }
    }
}
