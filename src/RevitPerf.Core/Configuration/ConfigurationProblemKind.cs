namespace RevitPerf.Core.Configuration;

/// <summary>What is wrong with a place in a configuration file.</summary>
public enum ConfigurationProblemKind
{
    /// <summary>The text is not well-formed YAML.</summary>
    SyntaxError,

    /// <summary>A key that is not a setting (or section) at that place.</summary>
    UnknownKey,

    /// <summary>A value of the wrong type, or a section that is not a mapping.</summary>
    InvalidType,

    /// <summary>A value of the right type outside the allowed range.</summary>
    OutOfRange,
}
