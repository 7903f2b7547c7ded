using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell;

/// <summary>What the module does on import and removal, apart from assembly loading.</summary>
internal static class ModuleState
{
    /// <summary>The environment variable naming a configuration file to load on import.</summary>
    public const string ConfigVariable = "REVITPERF_CONFIG";

    public static void Start()
    {
        // A re-import after Remove-Module starts clean: defaults, then the file the environment names.
        RevitPerfOptimizer.ShutdownCurrent();
        RevitPerfOptimizer.Configure(new PerformanceConfiguration());

        var path = Environment.GetEnvironmentVariable(ConfigVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        string? warning;
        try
        {
            var result = YamlConfigurationReader.ReadFile(path!);
            if (result.Configuration is not null)
            {
                RevitPerfOptimizer.Configure(result.Configuration);
                return;
            }

            warning = $"RevitPerf: the configuration file named by ${ConfigVariable} was not loaded; the defaults stay. "
                + string.Join(" ", result.Problems.Select(p => p.Message));
        }
#pragma warning disable CA1031 // Any failure to read the file is reported as a warning; import must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            warning = $"RevitPerf: the configuration file named by ${ConfigVariable} ('{path}') could not be read; the defaults stay. {ex.Message}";
        }

        WriteImportWarning(warning);
    }

    public static void Stop() => RevitPerfOptimizer.ShutdownCurrent();

    // OnImport has no cmdlet to write through; the host of the importing runspace shows the warning, honouring
    // $WarningPreference as Write-Warning would.
    private static void WriteImportWarning(string message)
    {
        if (Runspace.DefaultRunspace is null)
        {
            return;
        }

        try
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddScript("param($m) if ($WarningPreference -notin 'SilentlyContinue','Ignore') { $Host.UI.WriteWarningLine($m) }")
                .AddArgument(message)
                .Invoke();
        }
#pragma warning disable CA1031 // A host that cannot show the warning must not fail the import.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
