namespace RevitPerf.PowerShell;

/// <summary>The stable ErrorRecord ids of every RevitPerf error; scripts may match on them.</summary>
public static class ErrorIds
{
    /// <summary>A configuration file is not well-formed YAML.</summary>
    public const string ConfigSyntaxError = "ConfigSyntaxError";

    /// <summary>A configuration file has a key that is not a setting.</summary>
    public const string ConfigUnknownKey = "ConfigUnknownKey";

    /// <summary>A configuration value has the wrong type.</summary>
    public const string ConfigInvalidType = "ConfigInvalidType";

    /// <summary>A configuration value is outside its allowed range.</summary>
    public const string ConfigValueOutOfRange = "ConfigValueOutOfRange";

    /// <summary>A configuration file does not exist (or a wildcard matched nothing).</summary>
    public const string ConfigFileNotFound = "ConfigFileNotFound";

    /// <summary>A configuration file could not be read.</summary>
    public const string ConfigFileReadFailed = "ConfigFileReadFailed";

    /// <summary>A path is not on the FileSystem provider.</summary>
    public const string PathNotFileSystem = "PathNotFileSystem";

    /// <summary>A path is not a valid file system path (a NUL character in it, say).</summary>
    public const string PathInvalid = "PathInvalid";

    /// <summary>Export refused to overwrite a file because of -NoClobber.</summary>
    public const string ConfigFileExists = "ConfigFileExists";

    /// <summary>A configuration file could not be written.</summary>
    public const string ConfigFileWriteFailed = "ConfigFileWriteFailed";

    /// <summary>No cache has the name given.</summary>
    public const string CacheNotFound = "CacheNotFound";

    /// <summary>A cache with that name exists already.</summary>
    public const string CacheAlreadyExists = "CacheAlreadyExists";

    /// <summary>The default cache cannot be removed.</summary>
    public const string CacheNotRemovable = "CacheNotRemovable";

    /// <summary>A value is larger than the cache's whole memory budget.</summary>
    public const string CacheEntryTooLarge = "CacheEntryTooLarge";

    /// <summary>No entry has the key given.</summary>
    public const string CacheEntryNotFound = "CacheEntryNotFound";

    /// <summary>No cache key can be derived from the arguments; -Key is needed.</summary>
    public const string CacheKeyNotDerivable = "CacheKeyNotDerivable";

    /// <summary>A cached operation asked for its own key while computing it.</summary>
    public const string CacheRecursiveOperation = "CacheRecursiveOperation";

    /// <summary>A benchmark definition or ad hoc benchmark is not valid.</summary>
    public const string BenchmarkInvalidDefinition = "BenchmarkInvalidDefinition";

    /// <summary>No built-in suite has the name given.</summary>
    public const string BenchmarkSuiteNotFound = "BenchmarkSuiteNotFound";

    /// <summary>No benchmark has the name given.</summary>
    public const string BenchmarkNotFound = "BenchmarkNotFound";

    /// <summary>A benchmark path resolves to no file.</summary>
    public const string BenchmarkFileNotFound = "BenchmarkFileNotFound";

    /// <summary>A benchmark file threw while it was loaded.</summary>
    public const string BenchmarkFileFailed = "BenchmarkFileFailed";

    /// <summary>A benchmark's runspace failed (with -Parallel).</summary>
    public const string BenchmarkRunFailed = "BenchmarkRunFailed";

    /// <summary>The results JSON file could not be written.</summary>
    public const string BenchmarkResultsWriteFailed = "BenchmarkResultsWriteFailed";

    /// <summary>A benchmark missed a performance target (with -Strict, strict_target_validation, or Assert).</summary>
    public const string BenchmarkTargetMissed = "BenchmarkTargetMissed";

    /// <summary>The baseline file does not exist.</summary>
    public const string BaselineNotFound = "BaselineNotFound";

    /// <summary>The baseline (or results) file is not a usable benchmark file.</summary>
    public const string BaselineInvalid = "BaselineInvalid";

    /// <summary>Save refused to overwrite an existing baseline without -Force.</summary>
    public const string BaselineExists = "BaselineExists";

    /// <summary>The baseline file could not be written.</summary>
    public const string BaselineWriteFailed = "BaselineWriteFailed";

    /// <summary>An input is neither a benchmark result nor a results file path.</summary>
    public const string BenchmarkResultInvalid = "BenchmarkResultInvalid";

    /// <summary>A benchmark has no entry in the baseline.</summary>
    public const string BenchmarkResultNotCompared = "BenchmarkResultNotCompared";

    /// <summary>A leak test was given an unusable argument.</summary>
    public const string LeakTestInvalidArgument = "LeakTestInvalidArgument";

    /// <summary>The leak test's script block (or setup) failed.</summary>
    public const string LeakTestFailed = "LeakTestFailed";

    /// <summary>Too few sizes produced a latency to fit.</summary>
    public const string ScalabilityNotFitted = "ScalabilityNotFitted";

    /// <summary>No memory monitor has the name given.</summary>
    public const string MonitorNotFound = "MonitorNotFound";

    /// <summary>A memory monitor with that name runs already.</summary>
    public const string MonitorAlreadyExists = "MonitorAlreadyExists";

    /// <summary>A monitor's thresholds contradict each other.</summary>
    public const string MonitorInvalidArgument = "MonitorInvalidArgument";

    /// <summary>No process has the id or name given.</summary>
    public const string ProcessNotFound = "ProcessNotFound";

    /// <summary>Several processes have the name given.</summary>
    public const string ProcessNameAmbiguous = "ProcessNameAmbiguous";

    /// <summary>A monitor has too few snapshots for a report.</summary>
    public const string MonitorHistoryTooShort = "MonitorHistoryTooShort";

    /// <summary>No monitor has an alert with the id given.</summary>
    public const string AlertNotFound = "AlertNotFound";

    /// <summary>A wildcard pattern cannot be matched (a reversed range such as [z-a]).</summary>
    public const string InvalidWildcardPattern = "InvalidWildcardPattern";

    /// <summary>No object pool has the name given.</summary>
    public const string PoolNotFound = "PoolNotFound";

    /// <summary>Neither a pool's name nor its type was given.</summary>
    public const string PoolNotNamed = "PoolNotNamed";

    /// <summary>An object pool with that name exists already.</summary>
    public const string PoolAlreadyExists = "PoolAlreadyExists";

    /// <summary>The pool of that name holds objects of another type.</summary>
    public const string PoolTypeMismatch = "PoolTypeMismatch";

    /// <summary>A type name names no type that can be pooled (unknown, or a value type).</summary>
    public const string PoolTypeInvalid = "PoolTypeInvalid";

    /// <summary>A pool needs a -Factory: its type has no public constructor without parameters.</summary>
    public const string PoolFactoryMissing = "PoolFactoryMissing";

    /// <summary>A pool's factory threw, or did not output exactly one object of the pool's type.</summary>
    public const string PoolFactoryFailed = "PoolFactoryFailed";

    /// <summary>A pool's reset threw; the object was discarded, not pooled.</summary>
    public const string PoolResetFailed = "PoolResetFailed";

    /// <summary>An item of Invoke-RevitBatch failed (its target is the item; the other items go on).</summary>
    public const string BatchItemFailed = "BatchItemFailed";

    /// <summary>An item of Invoke-RevitBatch ran past -TimeoutSeconds and was stopped.</summary>
    public const string BatchItemTimedOut = "BatchItemTimedOut";

    /// <summary>A $using: variable of Invoke-RevitBatch's script block is not set in the caller's scope.</summary>
    public const string BatchUsingVariableNotSet = "BatchUsingVariableNotSet";

    /// <summary>A function to define in Invoke-RevitBatch's runspaces does not exist.</summary>
    public const string BatchFunctionNotFound = "BatchFunctionNotFound";

    /// <summary>A runspace of Invoke-RevitBatch -Parallel could not be opened (a module could not be imported).</summary>
    public const string BatchRunspaceFailed = "BatchRunspaceFailed";

    /// <summary>No operation of that name has been measured (Get-RevitPerformanceMetrics -Operation with a literal name).</summary>
    public const string OperationNotFound = "OperationNotFound";

    /// <summary>Profiling was asked for while enable_profiling is off.</summary>
    public const string ProfilingDisabled = "ProfilingDisabled";

    /// <summary>The script to profile does not parse (its target is the path, the message has the parser's errors).</summary>
    public const string ProfileScriptInvalid = "ProfileScriptInvalid";

    /// <summary>The script to profile does not exist, or a path names more than one file.</summary>
    public const string ProfileScriptNotFound = "ProfileScriptNotFound";

    /// <summary>A path names nothing that exists.</summary>
    public const string PathNotFound = "PathNotFound";

    /// <summary>A folder holds no journal (journal*.txt), or no journals folder of any Revit release exists here.</summary>
    public const string JournalNotFound = "JournalNotFound";

    /// <summary>A file is not a Revit journal (its target is the path).</summary>
    public const string JournalInvalid = "JournalInvalid";

    /// <summary>A journal could not be read (locked, no permission, an I/O error); the other journals go on.</summary>
    public const string JournalReadFailed = "JournalReadFailed";

    /// <summary>A journal has too few memory figures over too short a time for a memory report.</summary>
    public const string JournalMemoryTooShort = "JournalMemoryTooShort";

    /// <summary>An object given to Export-RevitPerformanceReport is of no kind a report shows (its target is the object).</summary>
    public const string ReportInputInvalid = "ReportInputInvalid";

    /// <summary>Export-RevitPerformanceReport was given nothing it can show.</summary>
    public const string ReportInputEmpty = "ReportInputEmpty";

    /// <summary>The report file exists and -NoClobber was given.</summary>
    public const string ReportFileExists = "ReportFileExists";

    /// <summary>The report file could not be written.</summary>
    public const string ReportWriteFailed = "ReportWriteFailed";

    /// <summary>The written report could not be opened in a browser (-Open).</summary>
    public const string ReportOpenFailed = "ReportOpenFailed";

    /// <summary>The results store named is not a folder, connection string or URI RevitPerf can open (its target is redacted).</summary>
    public const string StoreInvalid = "StoreInvalid";

    /// <summary>A history could not be read from the store (unreachable, refused credentials, no permission).</summary>
    public const string StoreReadFailed = "StoreReadFailed";

    /// <summary>A spooled run could not be read; it was set aside as .invalid and the rest were sent.</summary>
    public const string SpoolFileInvalid = "SpoolFileInvalid";

    /// <summary>A run could not be published to the store; the other runs go on.</summary>
    public const string StorePublishFailed = "StorePublishFailed";

    /// <summary>A file in a folder store could not be read; the history of the rest is returned.</summary>
    public const string StoreFileInvalid = "StoreFileInvalid";

    /// <summary>An object given to Publish-RevitPerformanceResult is not something a store keeps.</summary>
    public const string PublishInputInvalid = "PublishInputInvalid";
}
