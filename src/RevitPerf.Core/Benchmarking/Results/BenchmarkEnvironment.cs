using System;
using System.Runtime.InteropServices;

namespace RevitPerf.Core.Benchmarking;

/// <summary>Where a benchmark ran. The PowerShell fields come from the cmdlet layer, which knows them.</summary>
public sealed class BenchmarkEnvironment
{
    /// <summary>Describes this machine and runtime; the PowerShell version, edition and module version are given.</summary>
    public BenchmarkEnvironment(string powerShellVersion, string powerShellEdition, string moduleVersion)
    {
        PowerShellVersion = powerShellVersion ?? string.Empty;
        PowerShellEdition = powerShellEdition ?? string.Empty;
        ModuleVersion = moduleVersion ?? string.Empty;
    }

    /// <summary>The machine's name.</summary>
    public string MachineName { get; } = Environment.MachineName;

    /// <summary>The operating system.</summary>
    public string OS { get; } = RuntimeInformation.OSDescription.Trim();

    /// <summary>The .NET runtime.</summary>
    public string Runtime { get; } = RuntimeInformation.FrameworkDescription;

    /// <summary>Logical processors.</summary>
    public int ProcessorCount { get; } = Environment.ProcessorCount;

    /// <summary>PowerShell's version.</summary>
    public string PowerShellVersion { get; }

    /// <summary>Desktop or Core.</summary>
    public string PowerShellEdition { get; }

    /// <summary>RevitPerf's version.</summary>
    public string ModuleVersion { get; }
}
