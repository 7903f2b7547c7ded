using System;

namespace RevitPerf.Core.Memory;

/// <summary>The process being watched has exited (or cannot be read any more).</summary>
public sealed class ProcessGoneException : Exception
{
    /// <summary>Creates the exception for process <paramref name="processId"/>.</summary>
    public ProcessGoneException(int processId, string processName, Exception? inner = null)
        : base($"The process {processName} ({processId}) has exited or can no longer be read.", inner)
    {
        ProcessId = processId;
        ProcessName = processName;
    }

    /// <summary>The process's id.</summary>
    public int ProcessId { get; }

    /// <summary>The process's name.</summary>
    public string ProcessName { get; }
}
