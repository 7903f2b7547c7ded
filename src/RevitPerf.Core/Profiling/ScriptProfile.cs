using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Profiling;

/// <summary>
/// The result of profiling a script: its duration with the profiler's own cost subtracted, what that cost was, the
/// memory it allocated and the collections it caused, and the per-line and per-function tables, sorted by self time.
/// </summary>
public sealed class ScriptProfile
{
    internal ScriptProfile(
        string name, int repeat, double durationMs, double tracedDurationMs, double overheadPerStatementUs, long statements,
        long? allocatedBytes, int[] collections, IReadOnlyList<ProfileLine> lines, IReadOnlyList<ProfileFunction> functions,
        int top, string? error)
    {
        Name = name;
        Repeat = repeat;
        DurationMs = durationMs;
        TracedDurationMs = tracedDurationMs;
        OverheadPerStatementUs = overheadPerStatementUs;
        Statements = statements;
        AllocatedBytes = allocatedBytes;
        Gen0Collections = collections[0];
        Gen1Collections = collections[1];
        Gen2Collections = collections[2];
        Lines = lines;
        Functions = functions;
        Top = top;
        Error = error;
    }

    /// <summary>What was profiled: the script's path, or &lt;ScriptBlock&gt;.</summary>
    public string Name { get; }

    /// <summary>How many times the code ran; the times are the sum over the runs.</summary>
    public int Repeat { get; }

    /// <summary>Milliseconds the code took, the profiler's own cost subtracted.</summary>
    public double DurationMs { get; }

    /// <summary>Milliseconds the code took under the profiler, its cost included.</summary>
    public double TracedDurationMs { get; }

    /// <summary>The profiler's own cost per statement executed, in microseconds, as calibrated for this run and subtracted.</summary>
    public double OverheadPerStatementUs { get; }

    /// <summary>Statements executed.</summary>
    public long Statements { get; }

    /// <summary>Bytes the code's statements allocated on its thread (the sum of the lines'), the profiler's own allocations subtracted; null where the runtime does not tell.</summary>
    public long? AllocatedBytes { get; }

    /// <summary>Generation 0 collections during the run.</summary>
    public int Gen0Collections { get; }

    /// <summary>Generation 1 collections during the run.</summary>
    public int Gen1Collections { get; }

    /// <summary>Generation 2 collections during the run.</summary>
    public int Gen2Collections { get; }

    /// <summary>One row per source line that ran, slowest (by self time) first.</summary>
    public IReadOnlyList<ProfileLine> Lines { get; }

    /// <summary>One row per function that ran, by total time, longest first.</summary>
    public IReadOnlyList<ProfileFunction> Functions { get; }

    /// <summary>How many lines the default view shows.</summary>
    public int Top { get; }

    /// <summary>The first <see cref="Top"/> lines.</summary>
    public IReadOnlyList<ProfileLine> TopLines => Lines.Take(Top).ToArray();

    /// <summary>The message of the terminating error that ended the run early, or null; the profile covers what ran until then.</summary>
    public string? Error { get; }
}
