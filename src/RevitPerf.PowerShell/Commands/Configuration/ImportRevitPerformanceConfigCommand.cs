using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Reads one or more YAML configuration files (later files override earlier ones, the defaults underneath) and
/// makes the result the configuration in force. Every problem of every file is reported; if there is any,
/// nothing changes.
/// </summary>
[Cmdlet(VerbsData.Import, "RevitPerformanceConfig", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PerformanceConfiguration))]
public sealed class ImportRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private readonly List<string> _files = new();
    private bool _failed;

    /// <summary>Files to read; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Files to read, exactly as written (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Return the configuration in force afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var paths = literal ? LiteralPath : Path;
        var files = ResolveExistingFiles(paths, literal);
        _failed |= files.Count < paths.Length;
        _files.AddRange(files);
    }

    protected override void EndProcessing()
    {
        var configuration = new PerformanceConfiguration();
        foreach (var file in _files)
        {
            ConfigurationReadResult result;
            try
            {
                result = YamlConfigurationReader.ReadFile(file, configuration);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                WriteError(NewError(ex, ErrorIds.ConfigFileReadFailed, ErrorCategory.ReadError, file));
                _failed = true;
                continue;
            }

            foreach (var problem in result.Problems)
            {
                WriteProblem(problem);
            }

            if (result.Configuration is null)
            {
                _failed = true;
            }
            else
            {
                configuration = result.Configuration;
            }
        }

        if (_failed || _files.Count == 0)
        {
            WriteVerbose("The configuration was not changed.");
            return;
        }

        configuration.Source = string.Join(", ", _files);
        if (ShouldProcess(configuration.Source, "Import the RevitPerf configuration"))
        {
            RevitPerfOptimizer.Configure(configuration);
            if (PassThru)
            {
                WriteObject(RevitPerfOptimizer.CurrentConfiguration);
            }
        }
    }
}
