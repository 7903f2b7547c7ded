namespace RevitPerf.Core.Profiling;

/// <summary>
/// One source line of a profile, flat for Export-Csv: where it is, how often its statements ran, the time spent in
/// them (self: without the statements they called; total: with them, a recursive or nested line counted once), its
/// share of the run, and the bytes its statements allocated themselves where the runtime tells.
/// </summary>
public sealed class ProfileLine
{
    internal ProfileLine(string file, int line, string text, long hits, double selfMs, double totalMs, double percent, long? allocatedBytes, string function)
    {
        File = file;
        Line = line;
        Text = text;
        Hits = hits;
        SelfMs = selfMs;
        TotalMs = totalMs;
        Percent = percent;
        AllocatedBytes = allocatedBytes;
        Function = function;
    }

    /// <summary>The script file, or &lt;ScriptBlock&gt; for code that was typed or built in memory.</summary>
    public string File { get; }

    /// <summary>The line number (1-based) in that file.</summary>
    public int Line { get; }

    /// <summary>The text of the line, trimmed.</summary>
    public string Text { get; }

    /// <summary>Statements executed on the line (a loop body on the same line counts each time).</summary>
    public long Hits { get; }

    /// <summary>Milliseconds in the line's statements, without what they called; the profiler's own cost subtracted.</summary>
    public double SelfMs { get; }

    /// <summary>Milliseconds from the start to the end of the line's statements, with what they called; the profiler's own cost subtracted.</summary>
    public double TotalMs { get; }

    /// <summary>SelfMs as a percentage of the profile's duration.</summary>
    public double Percent { get; }

    /// <summary>Bytes the line's statements allocated themselves, or null where the runtime does not tell per thread.</summary>
    public long? AllocatedBytes { get; }

    /// <summary>The function the line belongs to (the script itself for top-level code).</summary>
    public string Function { get; }
}
