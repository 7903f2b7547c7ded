using System.Collections.Generic;

namespace RevitPerf.Core.Configuration;

/// <summary>The outcome of reading a configuration file: a configuration, or every problem found.</summary>
public sealed class ConfigurationReadResult
{
    internal ConfigurationReadResult(PerformanceConfiguration? configuration, IReadOnlyList<ConfigurationProblem> problems)
    {
        Configuration = configuration;
        Problems = problems;
    }

    /// <summary>The configuration read, or null when there were problems (nothing is half-applied).</summary>
    public PerformanceConfiguration? Configuration { get; }

    /// <summary>Every problem found, in file order; empty on success.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>True when the file was read without problems.</summary>
    public bool Succeeded => Problems.Count == 0;
}
