using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Writes benchmark results, with their samples and environment, to a schema-versioned baseline file. An existing
/// baseline is never replaced without -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "RevitBenchmarkBaseline", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class SaveRevitBenchmarkBaselineCommand : RevitPerfCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<BenchmarkResult> _results = new();

    /// <summary>The baseline file to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The baseline file to write, taken literally (no wildcard characters).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = string.Empty;

    /// <summary>The results to save (from Invoke-RevitBenchmark).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>Replaces an existing baseline.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the baseline file's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord() => AddResults(InputObject, _results);

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        var file = ResolveFileSystemPath(given);

        if (_results.Count == 0)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException("No benchmark results were given; an empty baseline would compare nothing."),
                ErrorIds.BenchmarkResultInvalid, ErrorCategory.InvalidArgument, given));
        }

        if (File.Exists(file) && !Force)
        {
            ThrowTerminatingError(NewError(
                new IOException($"The baseline '{file}' exists already. A baseline is never replaced implicitly: use -Force to replace it."),
                ErrorIds.BaselineExists, ErrorCategory.ResourceExists, given));
        }

        if (!ShouldProcess(file, $"Save a baseline of {_results.Count} benchmarks"))
        {
            return;
        }

        try
        {
            BenchmarkBaselineFile.Write(file, _results, DateTime.UtcNow, overwrite: Force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ThrowTerminatingError(NewError(ex, File.Exists(file) && !Force ? ErrorIds.BaselineExists : ErrorIds.BaselineWriteFailed, ErrorCategory.WriteError, given));
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }
}
