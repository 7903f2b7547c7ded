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

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

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

        var info = new FileInfo(file);
        if (info.Exists && NoClobber)
        {
            ThrowTerminatingError(NewError(
                new IOException($"The file '{file}' already exists, and -NoClobber was given."),
                ErrorIds.ConfigFileExists, ErrorCategory.ResourceExists, file));
        }

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
        try
        {
            if (info.Exists && Force && info.IsReadOnly)
            {
                info.IsReadOnly = false;
            }

            File.WriteAllText(file, YamlConfigurationWriter.Write(configuration, header), s_utf8NoBom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            var category = ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError;
            ThrowTerminatingError(NewError(ex, ErrorIds.ConfigFileWriteFailed, category, file));
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }
}
