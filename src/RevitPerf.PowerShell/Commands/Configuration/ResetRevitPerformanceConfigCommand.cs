using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Sets the whole configuration, or some sections of it, back to the defaults.</summary>
[Cmdlet(VerbsCommon.Reset, "RevitPerformanceConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PerformanceConfiguration))]
public sealed class ResetRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    /// <summary>Reset only these sections.</summary>
    [Parameter(Position = 0)]
    public ConfigSection[]? Section { get; set; }

    /// <summary>Return the configuration in force afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var sections = Section is { Length: > 0 } ? Section.Distinct().ToArray() : (ConfigSection[])Enum.GetValues(typeof(ConfigSection));
        var configuration = RevitPerfOptimizer.CurrentConfiguration;
        foreach (var section in sections)
        {
            configuration.ResetSection(section);
        }

        configuration.Source = Section is { Length: > 0 } ? "Reset-RevitPerformanceConfig" : PerformanceConfiguration.DefaultSource;
        var what = "Reset " + string.Join(", ", sections) + " to the defaults";
        if (ShouldProcess("RevitPerf configuration", what))
        {
            RevitPerfOptimizer.Configure(configuration);
            if (PassThru)
            {
                WriteObject(RevitPerfOptimizer.CurrentConfiguration);
            }
        }
    }
}
