using System;
using System.Management.Automation;
using RevitPerf.Core.Configuration;
using RevitPerf.PowerShell.Commands;

namespace RevitPerf.PowerShell;

/// <summary>
/// Validates a Set-RevitPerformanceConfig parameter with the rule of the setting of the same name, so the cmdlet
/// and configuration files can never disagree about what is allowed.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateSettingAttribute : ValidateArgumentsAttribute
{
    /// <summary>Validates with the rule of the setting named <paramref name="settingName"/>.</summary>
    public ValidateSettingAttribute(string settingName)
    {
        SettingName = settingName;
    }

    /// <summary>The setting's property name.</summary>
    public string SettingName { get; }

    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var setting = ConfigurationSchema.FindByName(SettingName)
            ?? throw new InvalidOperationException($"There is no setting named '{SettingName}'.");
        var value = SetRevitPerformanceConfigCommand.Normalize(setting, arguments is PSObject pso ? pso.BaseObject : arguments);
        var reason = setting.Check(value);
        if (reason is not null)
        {
            throw new ValidationMetadataException(
                $"{setting.Path} must be {setting.AllowedValues}; {setting.Display(value)} is not allowed: {reason}.");
        }
    }
}
