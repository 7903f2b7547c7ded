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
    private bool _strictTargetValidation = ConfigurationSchema.StrictTargetValidation.Default;

    /// <summary><c>parallel_execution</c>: Run independent benchmarks in parallel. Off by default: parallel runs compete for cores, caches and the garbage collector, which distorts every figure.</summary>
    public bool ParallelExecution
    {
        get => _parallelExecution;
        set => _parallelExecution = ConfigurationSchema.ParallelExecution.Validate(value);
    }

    /// <summary><c>max_workers</c>: Benchmarks run at once when parallel_execution is on.</summary>
    public int MaxWorkers
    {
        get => _maxWorkers;
        set => _maxWorkers = ConfigurationSchema.MaxWorkers.Validate(value);
    }

    /// <summary><c>timeout_seconds</c>: Time limit of a whole suite run, in seconds; finished results are kept when it is reached.</summary>
    public double TimeoutSeconds
    {
        get => _timeoutSeconds;
        set => _timeoutSeconds = ConfigurationSchema.TimeoutSeconds.Validate(value);
    }

    /// <summary><c>enable_memory_tracking</c>: Measure allocated bytes and garbage collections per operation.</summary>
    public bool EnableMemoryTracking
    {
        get => _enableMemoryTracking;
        set => _enableMemoryTracking = ConfigurationSchema.EnableMemoryTracking.Validate(value);
    }

    /// <summary><c>enable_memory_leak_detection</c>: Run leak detection as part of a suite.</summary>
    public bool EnableMemoryLeakDetection
    {
        get => _enableMemoryLeakDetection;
        set => _enableMemoryLeakDetection = ConfigurationSchema.EnableMemoryLeakDetection.Validate(value);
    }

    /// <summary><c>memory_leak_threshold_mb</c>: Retained growth above which a leak is reported, in MB.</summary>
    public double MemoryLeakThresholdMB
    {
        get => _memoryLeakThresholdMB;
        set => _memoryLeakThresholdMB = ConfigurationSchema.MemoryLeakThresholdMB.Validate(value);
    }

    /// <summary><c>enable_regression_detection</c>: Compare results with the baseline file, when one is given.</summary>
    public bool EnableRegressionDetection
    {
        get => _enableRegressionDetection;
        set => _enableRegressionDetection = ConfigurationSchema.EnableRegressionDetection.Validate(value);
    }

    /// <summary><c>regression_threshold_percent</c>: Slower by more than this percentage (and significantly) is a regression.</summary>
    public double RegressionThresholdPercent
    {
        get => _regressionThresholdPercent;
        set => _regressionThresholdPercent = ConfigurationSchema.RegressionThresholdPercent.Validate(value);
    }

    /// <summary><c>baseline_file</c>: Baseline file results are compared with; null for none.</summary>
    public string? BaselineFile
    {
        get => _baselineFile;
        set => _baselineFile = ConfigurationSchema.BaselineFile.Validate(value);
    }

    /// <summary><c>save_results</c>: Write each run's results as JSON into results_directory.</summary>
    public bool SaveResults
    {
        get => _saveResults;
        set => _saveResults = ConfigurationSchema.SaveResults.Validate(value);
    }

    /// <summary><c>results_directory</c>: Folder the JSON results are written to; a relative path is relative to the current location.</summary>
    public string? ResultsDirectory
    {
        get => _resultsDirectory;
        set => _resultsDirectory = ConfigurationSchema.ResultsDirectory.Validate(value);
    }

    /// <summary><c>strict_target_validation</c>: Make a missed performance target a terminating error.</summary>
    public bool StrictTargetValidation
    {
        get => _strictTargetValidation;
        set => _strictTargetValidation = ConfigurationSchema.StrictTargetValidation.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public BenchmarkConfiguration Clone() => (BenchmarkConfiguration)MemberwiseClone();
}
