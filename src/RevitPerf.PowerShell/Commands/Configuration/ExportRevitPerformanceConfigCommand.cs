using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Writes every setting of the configuration in force (or of the configuration piped in) to a YAML file that
/// Import-RevitPerformanceConfig reads back to the same values.
/// </summary>
[Cmdlet(VerbsData.Export, "RevitPerformanceConfig", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private PerformanceConfiguration? _last;

    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The file to write, exactly as written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = string.Empty;

    /// <summary>The configuration to write; by default the one in force.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PerformanceConfiguration? InputObject { get; set; }

    /// <summary>Overwrite a read-only file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Do not overwrite an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Return the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _last = InputObject;
        }
    }

    protected override void EndProcessing()
    {
        var target = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        var file = ResolveFileSystemPath(target);

        ThrowIfClobbering(file, NoClobber, ErrorIds.ConfigFileExists, file);

        if (!ShouldProcess(file, "Export the RevitPerf configuration"))
        {
            return;
        }

        var configuration = _last ?? RevitPerfOptimizer.CurrentConfiguration;
        var version = typeof(ExportRevitPerformanceConfigCommand).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var header = string.Format(
            CultureInfo.InvariantCulture, "RevitPerf {0} performance configuration, exported {1:yyyy-MM-dd HH:mm:ss} UTC.",
            version.Split('+')[0], DateTime.UtcNow);
        var yaml = YamlConfigurationWriter.Write(configuration, header);
        WriteTextFile(file, Force, NoClobber, ErrorIds.ConfigFileExists, ErrorIds.ConfigFileWriteFailed, file, writer => writer.Write(yaml));

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }
}
