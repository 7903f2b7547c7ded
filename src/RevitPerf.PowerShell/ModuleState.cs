using System;
using System.Collections.Generic;
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

    // The optimizer is process-wide, but the module is imported per runspace (ForEach-Object -Parallel imports
    // it in each of its runspaces). State starts fresh only when no open runspace has the module, and stops
    // when the last one removes it; runspaces closed without Remove-Module are pruned. Import-Module -Force removes
    // and imports again: the state is kept across it.
    private static readonly object s_gate = new();
    private static readonly HashSet<Runspace> s_importers = new();
    private static bool s_keptForReimport;

    public static void Start()
    {
        lock (s_gate)
        {
            Prune();
            var fresh = s_importers.Count == 0 && !s_keptForReimport;
            s_keptForReimport = false;
            if (Runspace.DefaultRunspace is { } runspace)
            {
                s_importers.Add(runspace);
            }

            if (fresh)
            {
                StartFresh();
            }
        }
    }

    /// <summary>
    /// Forgets the removing runspace; true when that ended the module's state (the last runspace removed it, and not to
    /// import it again), so that the dependency resolver may go too. Other runspaces still need it otherwise.
    /// </summary>
    public static bool Stop()
    {
        lock (s_gate)
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                s_importers.Remove(runspace);
            }

            Prune();
            if (s_importers.Count > 0)
            {
                return false;
            }

            if (IsReimport())
            {
                s_keptForReimport = true;
                return false;
            }

            RevitPerfOptimizer.ShutdownCurrent();
            return true;
        }
    }

    // Import-Module -Force removes the module before it imports it again, from within the same Import-Module call.
    private static bool IsReimport() =>
        new System.Diagnostics.StackTrace(false).GetFrames()?.Any(
            f => f.GetMethod()?.DeclaringType?.FullName == "Microsoft.PowerShell.Commands.ImportModuleCommand") == true;

    private static void Prune() =>
        s_importers.RemoveWhere(r => r.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Closing or RunspaceState.Broken);

    private static void StartFresh()
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
