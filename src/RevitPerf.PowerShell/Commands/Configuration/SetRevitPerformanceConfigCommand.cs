using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Changes settings of the configuration in force: one parameter per setting (named like the setting's property),
/// validated by the same rules as configuration files. Changes apply to the live optimizer at once.
/// </summary>
[Cmdlet(VerbsCommon.Set, "RevitPerformanceConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PerformanceConfiguration))]
public sealed class SetRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    /// <summary>A whole configuration to apply (settings given as parameters are applied on top of it).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PerformanceConfiguration? InputObject { get; set; }

    /// <summary>Return the configuration in force afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.CacheMaxSize"/>
    [Parameter]
    [ValidateSetting("CacheMaxSize")]
    public int CacheMaxSize { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.CacheMaxMemoryMB"/>
    [Parameter]
    [ValidateSetting("CacheMaxMemoryMB")]
    public double CacheMaxMemoryMB { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.CacheTtlSeconds"/>
    [Parameter]
    [ValidateSetting("CacheTtlSeconds")]
    public double CacheTtlSeconds { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableAdaptiveCaching"/>
    [Parameter]
    [ValidateSetting("EnableAdaptiveCaching")]
    public bool EnableAdaptiveCaching { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.PoolMaxSize"/>
    [Parameter]
    [ValidateSetting("PoolMaxSize")]
    public int PoolMaxSize { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.PoolCleanupIntervalSeconds"/>
    [Parameter]
    [ValidateSetting("PoolCleanupIntervalSeconds")]
    public double PoolCleanupIntervalSeconds { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableObjectPooling"/>
    [Parameter]
    [ValidateSetting("EnableObjectPooling")]
    public bool EnableObjectPooling { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MaxWorkerThreads"/>
    [Parameter]
    [ValidateSetting("MaxWorkerThreads")]
    public int MaxWorkerThreads { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.BatchSizeDefault"/>
    [Parameter]
    [ValidateSetting("BatchSizeDefault")]
    public int BatchSizeDefault { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableAsyncOptimization"/>
    [Parameter]
    [ValidateSetting("EnableAsyncOptimization")]
    public bool EnableAsyncOptimization { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MemoryMonitoringEnabled"/>
    [Parameter]
    [ValidateSetting("MemoryMonitoringEnabled")]
    public bool MemoryMonitoringEnabled { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MemoryCleanupThresholdMB"/>
    [Parameter]
    [ValidateSetting("MemoryCleanupThresholdMB")]
    public double MemoryCleanupThresholdMB { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.GcOptimizationEnabled"/>
    [Parameter]
    [ValidateSetting("GcOptimizationEnabled")]
    public bool GcOptimizationEnabled { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableProfiling"/>
    [Parameter]
    [ValidateSetting("EnableProfiling")]
    public bool EnableProfiling { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableMetricsCollection"/>
    [Parameter]
    [ValidateSetting("EnableMetricsCollection")]
    public bool EnableMetricsCollection { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MetricsCollectionIntervalSeconds"/>
    [Parameter]
    [ValidateSetting("MetricsCollectionIntervalSeconds")]
    public double MetricsCollectionIntervalSeconds { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.BenchmarkWarmupIterations"/>
    [Parameter]
    [ValidateSetting("BenchmarkWarmupIterations")]
    public int BenchmarkWarmupIterations { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.BenchmarkTestIterations"/>
    [Parameter]
    [ValidateSetting("BenchmarkTestIterations")]
    public int BenchmarkTestIterations { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ParallelExecution"/>
    [Parameter]
    [ValidateSetting("ParallelExecution")]
    public bool ParallelExecution { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MaxWorkers"/>
    [Parameter]
    [ValidateSetting("MaxWorkers")]
    public int MaxWorkers { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.TimeoutSeconds"/>
    [Parameter]
    [ValidateSetting("TimeoutSeconds")]
    public double TimeoutSeconds { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableMemoryTracking"/>
    [Parameter]
    [ValidateSetting("EnableMemoryTracking")]
    public bool EnableMemoryTracking { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableMemoryLeakDetection"/>
    [Parameter]
    [ValidateSetting("EnableMemoryLeakDetection")]
    public bool EnableMemoryLeakDetection { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MemoryLeakThresholdMB"/>
    [Parameter]
    [ValidateSetting("MemoryLeakThresholdMB")]
    public double MemoryLeakThresholdMB { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.EnableRegressionDetection"/>
    [Parameter]
    [ValidateSetting("EnableRegressionDetection")]
    public bool EnableRegressionDetection { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.RegressionThresholdPercent"/>
    [Parameter]
    [ValidateSetting("RegressionThresholdPercent")]
    public double RegressionThresholdPercent { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.BaselineFile"/>
    [Parameter]
    [ValidateSetting("BaselineFile")]
    public string? BaselineFile { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.SaveResults"/>
    [Parameter]
    [ValidateSetting("SaveResults")]
    public bool SaveResults { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ResultsDirectory"/>
    [Parameter]
    [ValidateSetting("ResultsDirectory")]
    public string? ResultsDirectory { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ResultsStore"/>
    [Parameter]
    [ValidateSetting("ResultsStore")]
    public string? ResultsStore { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.StrictTargetValidation"/>
    [Parameter]
    [ValidateSetting("StrictTargetValidation")]
    public bool StrictTargetValidation { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.StartupTimeMs"/>
    [Parameter]
    [ValidateSetting("StartupTimeMs")]
    public double StartupTimeMs { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ApiLatencySimpleMs"/>
    [Parameter]
    [ValidateSetting("ApiLatencySimpleMs")]
    public double ApiLatencySimpleMs { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ApiLatencyComplexMs"/>
    [Parameter]
    [ValidateSetting("ApiLatencyComplexMs")]
    public double ApiLatencyComplexMs { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MemoryIdleMB"/>
    [Parameter]
    [ValidateSetting("MemoryIdleMB")]
    public double MemoryIdleMB { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.MemoryPeakMB"/>
    [Parameter]
    [ValidateSetting("MemoryPeakMB")]
    public double MemoryPeakMB { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.CacheHitRatio"/>
    [Parameter]
    [ValidateSetting("CacheHitRatio")]
    public double CacheHitRatio { get; set; }

    /// <inheritdoc cref="Core.Configuration.ConfigurationSchema.ThroughputOpsPerSec"/>
    [Parameter]
    [ValidateSetting("ThroughputOpsPerSec")]
    public double ThroughputOpsPerSec { get; set; }
    /// <summary>An empty text clears an optional text setting (BaselineFile): PowerShell passes $null as "".</summary>
    internal static object? Normalize(SettingDefinition setting, object? value) =>
        setting is TextSetting { Optional: true } && value is string { Length: 0 } ? null : value;

    protected override void ProcessRecord()
    {
        // Paths are kept as given (a relative one stays relative to the location at use), but must name files: one on
        // another provider (Env:\FOO) or no path at all is refused; a drive this machine lacks may be another's.
        // A PostgreSQL location is no path; one with a password in it was refused by its setting's own rule already.
        var postgres = RevitPerf.Core.Storage.ResultsStores.IsPostgreSql(ResultsStore);
        foreach (var path in new[] { ResultsDirectory, postgres ? null : ResultsStore, BaselineFile }.Where(p => !string.IsNullOrEmpty(p)))
        {
            if (!TryResolveFileSystemPath(path!, out _, out var error) && error!.Exception.InnerException is not System.Management.Automation.DriveNotFoundException)
            {
                ThrowTerminatingError(error);
            }
        }

        var current = RevitPerfOptimizer.CurrentConfiguration;
        var updated = (InputObject ?? current).Clone();
        foreach (var bound in MyInvocation.BoundParameters)
        {
            var setting = ConfigurationSchema.FindByName(bound.Key);
            var value = bound.Value is PSObject pso ? pso.BaseObject : bound.Value;
            setting?.SetValue(updated, Normalize(setting, value));
        }

        var changes = current.Differences(updated);
        if (changes.Count == 0)
        {
            WriteVerbose("No setting changes.");
        }
        else
        {
            updated.Source = "Set-RevitPerformanceConfig";
            var what = "Set " + string.Join(
                "; ", changes.Select(s => $"{s.Key} from {SettingDefinition.Show(s.GetValue(current))} to {SettingDefinition.Show(s.GetValue(updated))}"));
            if (!ShouldProcess("RevitPerf configuration", what))
            {
                return;
            }

            RevitPerfOptimizer.Configure(updated);
        }

        if (PassThru)
        {
            WriteObject(RevitPerfOptimizer.CurrentConfiguration);
        }
    }
}
