using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Compares benchmark results (objects, or results files) with a baseline, per benchmark and per metric (latency,
/// allocated bytes, throughput): Mann-Whitney U on the samples, the regression threshold and a noise floor.
/// </summary>
[Cmdlet(VerbsData.Compare, "RevitBenchmark")]
[OutputType(typeof(MetricComparison))]
public sealed class CompareRevitBenchmarkCommand : RevitBenchmarkCmdlet
{
    /// <summary>The type name comparisons carry for views and PSTypeName checks.</summary>
    public const string ComparisonTypeName = "RevitPerf.MetricComparison";

    private readonly List<object> _current = new();
    private object? _baseline;

    /// <summary>The baseline file (Save-RevitBenchmarkBaseline's, or any results file).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Baseline { get; set; } = string.Empty;

    /// <summary>The current results: Invoke-RevitBenchmark's objects, or results file paths.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("InputObject")]
    [AllowEmptyCollection]
    public PSObject[] Result { get; set; } = Array.Empty<PSObject>();

    /// <summary>Worse by more than this (and significantly) is a regression; by default regression_threshold_percent.</summary>
    [Parameter]
    [ValidateRange(0.001, 100_000)]
    public double RegressionThresholdPercent { get; set; }

    /// <summary>Latency medians closer than this never differ, ms (0.0005).</summary>
    [Parameter]
    [ValidateRange(0.0, 1_000_000)]
    public double NoiseFloorMs { get; set; } = BenchmarkComparer.DefaultNoiseFloorMs;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _baseline = ReadBenchmarkFile(Baseline, ErrorIds.BaselineNotFound, ErrorIds.BaselineInvalid, terminating: true);
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in Result)
        {
            var value = item?.BaseObject;
            if (Benchmarking.ResultInput.AsResult(item) is { } result)
            {
                _current.Add(BenchmarkSamples.From(result));
            }
            else if (value is string or FileInfo)
            {
                var path = value is FileInfo info ? info.FullName : (string)value;
                if (ReadBenchmarkFile(path, ErrorIds.BenchmarkFileNotFound, ErrorIds.BenchmarkResultInvalid, terminating: false) is { } samples)
                {
                    _current.AddRange(samples);
                }
            }
            else
            {
                WriteError(NewError(
                    new ArgumentException($"'{item}' is neither a benchmark result nor the path of a results file."),
                    ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidArgument, item));
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var baseline = (IReadOnlyList<BenchmarkSamples>)_baseline!;
        var threshold = MyInvocation.BoundParameters.ContainsKey(nameof(RegressionThresholdPercent))
            ? RegressionThresholdPercent
            : RevitPerfOptimizer.CurrentConfiguration.Benchmark.RegressionThresholdPercent;
        var comparer = new BenchmarkComparer(threshold, NoiseFloorMs);
        foreach (var current in _current.Cast<BenchmarkSamples>())
        {
            if (BenchmarkComparer.FindBaseline(baseline, current) is not { } before)
            {
                WriteWarning($"{current.Suite}/{current.Name} has no entry in the baseline '{Baseline}'; it is not compared.");
                continue;
            }

            foreach (var comparison in comparer.Compare(before, current))
            {
                WriteTyped(comparison, ComparisonTypeName);
            }
        }
    }
}
