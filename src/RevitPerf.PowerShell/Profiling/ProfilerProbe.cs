using System;
using System.ComponentModel;
using System.Threading;
using RevitPerf.Core.Profiling;

namespace RevitPerf.PowerShell.Profiling;

/// <summary>
/// What code rewritten by Trace-RevitScript calls at each statement and function body. Not for use by hand. The
/// session is per thread (the traced code runs on one pipeline thread; other runspaces and threads are not traced)
/// and each rewrite is stamped, so code rewritten for one trace that runs later, or under another trace, reports
/// nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProfilerProbe
{
    private static int s_lastStamp;

    [ThreadStatic]
    private static ProfileSession? t_session;

    [ThreadStatic]
    private static int t_stamp;

    /// <summary>$? as it was after the statement that ended last (a probe in between would otherwise reset it).</summary>
    public static bool S => t_session?.LastStatus ?? true;

    /// <summary>A statement starts.</summary>
    public static void E(int stamp, int statement)
    {
        if (stamp == t_stamp)
        {
            t_session?.Enter(statement);
        }
    }

    /// <summary>A statement ends, with its $?.</summary>
    public static void X(int stamp, int statement, bool status)
    {
        if (stamp == t_stamp)
        {
            t_session?.Exit(statement, status);
        }
    }

    /// <summary>A function body starts.</summary>
    public static void FE(int stamp, int function)
    {
        if (stamp == t_stamp)
        {
            t_session?.EnterFunction(function);
        }
    }

    /// <summary>A later block (process, end) of a function body starts: its time counts, the call already did.</summary>
    public static void FN(int stamp, int function)
    {
        if (stamp == t_stamp)
        {
            t_session?.EnterFunction(function, countCall: false);
        }
    }

    /// <summary>A function body ends.</summary>
    public static void FX(int stamp, int function)
    {
        if (stamp == t_stamp)
        {
            t_session?.ExitFunction(function);
        }
    }

    internal static int NewStamp() => Interlocked.Increment(ref s_lastStamp);

    /// <summary>Makes <paramref name="session"/> the one this thread reports to, under <paramref name="stamp"/>; dispose to end it.</summary>
    internal static IDisposable Activate(ProfileSession session, int stamp)
    {
        var previous = (t_session, t_stamp);
        t_session = session;
        t_stamp = stamp;
        return new Restore(previous.t_session, previous.t_stamp);
    }

    private sealed class Restore : IDisposable
    {
        private readonly ProfileSession? _session;
        private readonly int _stamp;

        public Restore(ProfileSession? session, int stamp)
        {
            _session = session;
            _stamp = stamp;
        }

        public void Dispose()
        {
            t_session = _session;
            t_stamp = _stamp;
        }
    }
}
