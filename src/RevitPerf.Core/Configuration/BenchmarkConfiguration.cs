namespace RevitPerf.Core.Configuration;

/// <summary>
/// The benchmark suite's settings: the <c>benchmark:</c> section of a configuration file (its <c>performance_targets:</c> are in <see cref="PerformanceTargets"/>).
/// Every setter validates through <see cref="ConfigurationSchema"/>, so an instance never holds an invalid value.
/// </summary>
public sealed class BenchmarkConfiguration
{
    private bool _parallelExecution = ConfigurationSchema.ParallelExecution.Default;
    private int _maxWorkers = ConfigurationSchema.MaxWorkers.Default;
    private double _timeoutSeconds = ConfigurationSchema.TimeoutSeconds.Default;
    private bool _enableMemoryTracking = ConfigurationSchema.EnableMemoryTracking.Default;
    private bool _enableMemoryLeakDetection = ConfigurationSchema.EnableMemoryLeakDetection.Default;
    private double _memoryLeakThresholdMB = ConfigurationSchema.MemoryLeakThresholdMB.Default;
    private bool _enableRegressionDetection = ConfigurationSchema.EnableRegressionDetection.Default;
    private double _regressionThresholdPercent = ConfigurationSchema.RegressionThresholdPercent.Default;
    private string? _baselineFile = ConfigurationSchema.BaselineFile.Default;
    private bool _saveResults = ConfigurationSchema.SaveResults.Default;
    private string? _resultsDirectory = ConfigurationSchema.ResultsDirectory.Default;
    private string? _resultsStore = ConfigurationSchema.ResultsStore.Default;
    private bool _strictTargetValidation = ConfigurationSchema.StrictTargetValidation.Default;

    /// <inheritdoc cref="ConfigurationSchema.ParallelExecution"/>
    public bool ParallelExecution
    {
        get => _parallelExecution;
        set => _parallelExecution = ConfigurationSchema.ParallelExecution.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MaxWorkers"/>
    public int MaxWorkers
    {
        get => _maxWorkers;
        set => _maxWorkers = ConfigurationSchema.MaxWorkers.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.TimeoutSeconds"/>
    public double TimeoutSeconds
    {
        get => _timeoutSeconds;
        set => _timeoutSeconds = ConfigurationSchema.TimeoutSeconds.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableMemoryTracking"/>
    public bool EnableMemoryTracking
    {
        get => _enableMemoryTracking;
        set => _enableMemoryTracking = ConfigurationSchema.EnableMemoryTracking.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableMemoryLeakDetection"/>
    public bool EnableMemoryLeakDetection
    {
        get => _enableMemoryLeakDetection;
        set => _enableMemoryLeakDetection = ConfigurationSchema.EnableMemoryLeakDetection.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MemoryLeakThresholdMB"/>
    public double MemoryLeakThresholdMB
    {
        get => _memoryLeakThresholdMB;
        set => _memoryLeakThresholdMB = ConfigurationSchema.MemoryLeakThresholdMB.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableRegressionDetection"/>
    public bool EnableRegressionDetection
    {
        get => _enableRegressionDetection;
        set => _enableRegressionDetection = ConfigurationSchema.EnableRegressionDetection.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.RegressionThresholdPercent"/>
    public double RegressionThresholdPercent
    {
        get => _regressionThresholdPercent;
        set => _regressionThresholdPercent = ConfigurationSchema.RegressionThresholdPercent.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.BaselineFile"/>
    public string? BaselineFile
    {
        get => _baselineFile;
        set => _baselineFile = ConfigurationSchema.BaselineFile.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.SaveResults"/>
    public bool SaveResults
    {
        get => _saveResults;
        set => _saveResults = ConfigurationSchema.SaveResults.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.ResultsDirectory"/>
    public string? ResultsDirectory
    {
        get => _resultsDirectory;
        set => _resultsDirectory = ConfigurationSchema.ResultsDirectory.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.ResultsStore"/>
    public string? ResultsStore
    {
        get => _resultsStore;
        set => _resultsStore = ConfigurationSchema.ResultsStore.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.StrictTargetValidation"/>
    public bool StrictTargetValidation
    {
        get => _strictTargetValidation;
        set => _strictTargetValidation = ConfigurationSchema.StrictTargetValidation.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public BenchmarkConfiguration Clone() => (BenchmarkConfiguration)MemberwiseClone();
}
