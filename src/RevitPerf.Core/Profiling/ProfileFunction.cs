namespace RevitPerf.Core.Profiling;

/// <summary>
/// One function of a profile (RevitPy's "top functions by cumulative time"), flat for Export-Csv: how often it was
/// called, the time in its own lines (self) and the time from call to return (total, a recursive function counted
/// once per outermost call).
/// </summary>
public sealed class ProfileFunction
{
    internal ProfileFunction(string function, string file, int line, long calls, double selfMs, double totalMs, double percent)
    {
        Function = function;
        File = file;
        Line = line;
        Calls = calls;
        SelfMs = selfMs;
        TotalMs = totalMs;
        Percent = percent;
    }

    /// <summary>The function's name; the traced script itself is &lt;Script&gt;.</summary>
    public string Function { get; }

    /// <summary>The file it is defined in, or &lt;ScriptBlock&gt;.</summary>
    public string File { get; }

    /// <summary>The line it is defined on.</summary>
    public int Line { get; }

    /// <summary>Times it was called (for a function with begin, process and end blocks, the first block it has).</summary>
    public long Calls { get; }

    /// <summary>Milliseconds in its own code, without the functions it called.</summary>
    public double SelfMs { get; }

    /// <summary>Milliseconds from call to return, with the functions it called.</summary>
    public double TotalMs { get; }

    /// <summary>TotalMs as a percentage of the profile's duration.</summary>
    public double Percent { get; }
}
