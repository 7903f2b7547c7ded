using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>A baseline or results file that cannot be used: not JSON, not a benchmark file, or from a newer schema.</summary>
public sealed class BenchmarkFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public BenchmarkFileException(string path, string message, Exception? inner = null)
        : base($"'{path}' is not a usable benchmark file: {message}", inner)
    {
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
}
