namespace RevitPerf.Core.Memory;

/// <summary>Takes snapshots of one process; tests inject a scripted one.</summary>
public interface IProcessProbe
{
    /// <summary>The process's id.</summary>
    int ProcessId { get; }

    /// <summary>The process's name.</summary>
    string ProcessName { get; }

    /// <summary>True when the probe reads the process it runs in.</summary>
    bool IsCurrentProcess { get; }

    /// <summary>Reads the process now; throws <see cref="ProcessGoneException"/> when it has exited.</summary>
    MemorySnapshot Take();
}
