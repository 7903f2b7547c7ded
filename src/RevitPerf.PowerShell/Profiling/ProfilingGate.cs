using System;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Profiling;

/// <summary>enable_profiling: the error a cmdlet throws when profiling is asked for while it is off.</summary>
internal static class ProfilingGate
{
    public static ErrorRecord? Refusal() =>
        RevitPerfOptimizer.Current.Configuration.Optimization.EnableProfiling
            ? null
            : new ErrorRecord(
                new InvalidOperationException($"Profiling is off: the setting {ConfigurationSchema.EnableProfiling.Key} is false. Turn it on with Set-RevitPerformanceConfig -EnableProfiling $true."),
                ErrorIds.ProfilingDisabled, ErrorCategory.InvalidOperation, ConfigurationSchema.EnableProfiling.Key);
}
