using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Gets the configuration in force (a copy), the defaults, or some of its sections.</summary>
[Cmdlet(VerbsCommon.Get, "RevitPerformanceConfig")]
[OutputType(typeof(PerformanceConfiguration), typeof(OptimizationConfig), typeof(BenchmarkConfiguration), typeof(PerformanceTargets))]
public sealed class GetRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    /// <summary>Return these sections as flat objects instead of the whole configuration.</summary>
    [Parameter(Position = 0)]
    public ConfigSection[]? Section { get; set; }

    /// <summary>Return the defaults instead of the configuration in force.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    protected override void EndProcessing()
    {
        var configuration = Default ? new PerformanceConfiguration() : RevitPerfOptimizer.CurrentConfiguration;
        if (Section is null || Section.Length == 0)
        {
            WriteObject(configuration);
            return;
        }

        foreach (var section in Section)
        {
            WriteObject(configuration.GetSection(section));
        }
    }
}
