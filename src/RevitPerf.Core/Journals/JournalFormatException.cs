using System;

namespace RevitPerf.Core.Journals;

/// <summary>A file that is not a Revit journal (no journal line near its start, binary content, or empty).</summary>
public sealed class JournalFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public JournalFormatException(string path, string reason)
        : base($"'{path}' is not a Revit journal: {reason}")
    {
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
}
