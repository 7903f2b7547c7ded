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

    /// <summary>Export refused to overwrite a file because of -NoClobber.</summary>
    public const string ConfigFileExists = "ConfigFileExists";

    /// <summary>A configuration file could not be written.</summary>
    public const string ConfigFileWriteFailed = "ConfigFileWriteFailed";
}
