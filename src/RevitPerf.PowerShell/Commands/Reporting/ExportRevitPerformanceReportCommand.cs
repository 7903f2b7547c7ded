using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text;
using RevitPerf.Core;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Reporting;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Writes one self-contained HTML report (inline style and SVG charts, no request at view time) of whatever RevitPerf
/// results come down the pipeline: benchmarks, comparisons, scalability, leak tests, memory, journals, profiles and
/// operation metrics.
/// </summary>
[Cmdlet(VerbsData.Export, "RevitPerformanceReport", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportRevitPerformanceReportCommand : RevitBenchmarkCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    // Typed as object: a field of a RevitPerf.Core type would make PowerShell's scan of this assembly load Core early.
    private object? _report;

    /// <summary>The HTML file to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The HTML file to write, taken literally (no wildcard characters).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = string.Empty;

    /// <summary>RevitPerf results of any kind, in any mix.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    [AllowNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>The report's title.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "RevitPerf performance report";

    /// <summary>A baseline file (Save-RevitBenchmarkBaseline, or a results file) to compare the benchmark results with.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    /// <summary>Opens the report in the default browser once written.</summary>
    [Parameter]
    public SwitchParameter Open { get; set; }

    /// <summary>Replaces a read-only file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Refuses to replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Writes the report file's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private PerformanceReport Report => (PerformanceReport)(_report ??= new PerformanceReport(Title, CurrentEnvironment(), DateTime.Now));

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            var value = item?.BaseObject;
            if (value is null)
            {
                continue;
            }

            if (!Report.Add(value))
            {
                WriteError(NewError(
                    new ArgumentException($"A report cannot show a {value.GetType().FullName}; give it RevitPerf results (benchmarks, comparisons, scalability, leak tests, memory snapshots, alerts, monitors, memory reports, journals, profiles, operation metrics)."),
                    ErrorIds.ReportInputInvalid, ErrorCategory.InvalidType, item));
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        var file = ResolveFileSystemPath(given);
        var report = Report;
        if (report.Count == 0)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException("Nothing to report: pipe RevitPerf results (Invoke-RevitBenchmark, Get-RevitMemorySnapshot, Get-RevitJournal, ...) into Export-RevitPerformanceReport."),
                ErrorIds.ReportInputEmpty, ErrorCategory.InvalidArgument, given));
        }

        if (Baseline is not null && ReadBenchmarkFile(Baseline, ErrorIds.BenchmarkFileNotFound, ErrorIds.BenchmarkResultInvalid, terminating: true) is { } baseline)
        {
            report.SetBaseline(baseline, new BenchmarkComparer(RevitPerfOptimizer.CurrentConfiguration.Benchmark.RegressionThresholdPercent));
        }

        ThrowIfClobbering(file, NoClobber, ErrorIds.ReportFileExists, given);

        if (!ShouldProcess(file, $"Write a performance report of {report.Count} results ({string.Join(", ", System.Linq.Enumerable.Select(report.Sections, s => s.Title))})"))
        {
            return;
        }

        WriteTextFile(file, Force, NoClobber, ErrorIds.ReportFileExists, ErrorIds.ReportWriteFailed, given, report.Write);

        WriteVerbose($"Wrote '{file}': {new FileInfo(file).Length:N0} bytes.");
        if (Open)
        {
            OpenInBrowser(file);
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }

    private void OpenInBrowser(string file)
    {
        try
        {
            var start = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new ProcessStartInfo(file) { UseShellExecute = true }
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? new ProcessStartInfo("open", $"\"{file}\"") { UseShellExecute = false }
                : new ProcessStartInfo("xdg-open", $"\"{file}\"") { UseShellExecute = false };
            using var _ = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            WriteError(NewError(new InvalidOperationException($"The report was written to '{file}' but could not be opened: {ex.Message}", ex), ErrorIds.ReportOpenFailed, ErrorCategory.ResourceUnavailable, file));
        }
    }
}
