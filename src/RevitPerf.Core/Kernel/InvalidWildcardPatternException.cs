using System;

namespace RevitPerf.Core.Kernel;

/// <summary>A wildcard pattern that cannot be matched, such as a reversed range (<c>[z-a]</c>).</summary>
public sealed class InvalidWildcardPatternException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="pattern"/>.</summary>
    public InvalidWildcardPatternException(string pattern, Exception? inner = null)
        : base($"'{pattern}' is not a valid wildcard pattern: a character set such as [a-z] must list its range from low to high.", inner)
    {
        Pattern = pattern;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }
}
