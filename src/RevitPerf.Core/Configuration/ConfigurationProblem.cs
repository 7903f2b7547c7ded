using System.Globalization;

namespace RevitPerf.Core.Configuration;

/// <summary>One problem found in a configuration file, with its place. Flat, so it exports cleanly.</summary>
public sealed class ConfigurationProblem
{
    /// <summary>Creates a problem record.</summary>
    public ConfigurationProblem(
        ConfigurationProblemKind kind, string? file, int line, int column, string? key, string? value,
        string? allowedValues, string? suggestion, string detail)
    {
        Kind = kind;
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Value = value;
        AllowedValues = allowedValues;
        Suggestion = suggestion;
        Detail = detail;
    }

    /// <summary>What kind of problem this is.</summary>
    public ConfigurationProblemKind Kind { get; }

    /// <summary>The file, or null when the text did not come from a file.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the offending key or value.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending key or value.</summary>
    public int Column { get; }

    /// <summary>The dotted path of the offending key, e.g. <c>optimization.cache_max_size</c>.</summary>
    public string? Key { get; }

    /// <summary>The offending value as written in the file.</summary>
    public string? Value { get; }

    /// <summary>What the setting allows, for type and range problems.</summary>
    public string? AllowedValues { get; }

    /// <summary>The closest valid key, for unknown keys.</summary>
    public string? Suggestion { get; }

    /// <summary>The problem in words, without the place.</summary>
    public string Detail { get; }

    /// <summary>The place, as <c>file:line:column</c>.</summary>
    public string Location => string.Format(
        CultureInfo.InvariantCulture, "{0}:{1}:{2}", File ?? "<text>", Line, Column);

    /// <summary>The full message: place, then problem.</summary>
    public string Message => Location + ": " + Detail;

    /// <inheritdoc />
    public override string ToString() => Message;
}
