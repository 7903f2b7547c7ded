using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Profiling;

/// <summary>
/// Collects one profile. The code under it was rewritten so that every statement reports its start
/// (<see cref="Enter"/>) and, from a finally block, its end (<see cref="Exit"/>), and every function body its call
/// and return. A stack of open statements gives self and total times; a line (or function) already open further up
/// the stack, as in recursion, does not add its total again. The probes' own cost, calibrated beforehand, is
/// subtracted from each statement and from everything that encloses it. Not thread-safe: the traced code runs on
/// one pipeline thread.
/// </summary>
internal sealed class ProfileSession
{
    private const double TicksPerMs = 10_000.0;

    private readonly List<StatementSite> _statements = new();
    private readonly List<FunctionSite> _functions = new();
    private readonly Dictionary<(string File, int Line), int> _lineIndex = new();
    private readonly List<LineTotals> _lines = new();
    private readonly Stack<Frame> _frames = new();
    private readonly Stack<Frame> _calls = new();
    private readonly Func<long>? _allocated;
    private readonly Func<long> _timestamp;
    private readonly double _toTicks;
    private ProbeCost _cost;
    private long _executed;

    /// <summary>
    /// A session on the stopwatch and, where the runtime counts per thread, allocations; tests pass their own
    /// <paramref name="timestamp"/> (in ticks of <paramref name="frequency"/>) and <paramref name="allocated"/>.
    /// </summary>
    public ProfileSession(bool countAllocations = true, Func<long>? timestamp = null, long frequency = 0, Func<long>? allocated = null)
    {
        _timestamp = timestamp ?? Stopwatch.GetTimestamp;
        _toTicks = TimeSpan.TicksPerSecond / (double)(timestamp is null ? Stopwatch.Frequency : frequency);
        _allocated = allocated ?? (countAllocations && RuntimeAllocationProbe.IsPerThread
            ? () => RuntimeAllocationProbe.Instance.AllocatedBytes ?? 0
            : null);
    }

    /// <summary>The status ($?) of the statement that ended last, for code that reads $? after a probe ran.</summary>
    public bool LastStatus { get; private set; } = true;

    /// <summary>Statements executed so far.</summary>
    public long Executed => _executed;

    public bool CountsAllocations => _allocated is not null;

    /// <summary>Registers a function body (or the script's top level); returns its id.</summary>
    public int AddFunction(string name, string file, int line)
    {
        _functions.Add(new FunctionSite(name, file, line));
        return _functions.Count - 1;
    }

    /// <summary>Registers a statement at <paramref name="file"/>:<paramref name="line"/> in function <paramref name="function"/>; returns its id.</summary>
    public int AddStatement(string file, int line, string text, int function)
    {
        if (!_lineIndex.TryGetValue((file, line), out var index))
        {
            index = _lines.Count;
            _lineIndex[(file, line)] = index;
            _lines.Add(new LineTotals(file, line, text, _functions[function].Name));
        }

        _statements.Add(new StatementSite(index));
        return _statements.Count - 1;
    }

    /// <summary>Sets the probe cost subtracted from now on (the calibration's result).</summary>
    public void UseCost(ProbeCost cost) => _cost = cost;

    public void Enter(int statement)
    {
        var line = _lines[_statements[statement].Line];
        line.Hits++;
        line.Active++;
        _executed++;
        _frames.Push(new Frame(statement, _timestamp(), _allocated?.Invoke() ?? 0, _executed));
    }

    public void Exit(int statement, bool status)
    {
        var now = _timestamp();
        var bytesNow = _allocated?.Invoke() ?? 0;
        if (!IsOpen(_frames, statement))
        {
            return;
        }

        LastStatus = status;

        // A frame left open by an exit that never came (a statement the engine abandoned) is closed here too.
        while (_frames.Count > 0)
        {
            var frame = _frames.Pop();
            var nested = _executed - frame.ExecutedAtStart;

            // The calibrated cost is an estimate (PowerShell runs a loop it has compiled faster than one it still
            // interprets): a statement never takes less than the statements it ran, whatever the subtraction says.
            var total = Math.Max(frame.ChildTicks, ((now - frame.Start) * _toTicks) - _cost.InnerTicks - (_cost.Ticks * nested));
            var bytes = Math.Max(frame.ChildBytes, (bytesNow - frame.StartBytes) - _cost.InnerBytes - (_cost.Bytes * nested));
            var line = _lines[_statements[frame.Statement].Line];
            line.Close(total, frame.ChildTicks);
            line.SelfBytes += Math.Max(0, bytes - frame.ChildBytes);

            if (_frames.Count > 0)
            {
                var parent = _frames.Pop();
                parent.ChildTicks += total;
                parent.ChildBytes += bytes;
                _frames.Push(parent);
            }

            if (_calls.Count > 0 && _calls.Peek().StackDepth == _frames.Count)
            {
                // An outermost statement of the running function call: the call takes at least as long as these.
                var call = _calls.Pop();
                call.StatementTicks += total;
                _calls.Push(call);
            }

            if (frame.Statement == statement)
            {
                return;
            }
        }
    }

    public void EnterFunction(int function, bool countCall = true)
    {
        var site = _functions[function];
        if (countCall)
        {
            site.Calls++;
        }

        site.Active++;
        _calls.Push(new Frame(function, _timestamp(), 0, _executed) { StackDepth = _frames.Count });
    }

    public void ExitFunction(int function)
    {
        var now = _timestamp();
        if (!IsOpen(_calls, function))
        {
            return;
        }

        while (_calls.Count > 0)
        {
            var frame = _calls.Pop();
            var nested = _executed - frame.ExecutedAtStart;
            var total = Math.Max(Math.Max(frame.ChildTicks, frame.StatementTicks), ((now - frame.Start) * _toTicks) - (_cost.Ticks * nested));
            _functions[frame.Statement].Close(total, frame.ChildTicks);

            if (_calls.Count > 0)
            {
                var parent = _calls.Pop();
                parent.ChildTicks += total;
                _calls.Push(parent);
            }

            if (frame.Statement == function)
            {
                return;
            }
        }
    }

    // An exit whose entry is not on the stack (a late one, or one from before a reset) changes nothing.
    private static bool IsOpen(Stack<Frame> frames, int id) =>
        frames.Count > 0 && (frames.Peek().Statement == id || frames.Any(f => f.Statement == id));

    /// <summary>The self time per hit of the statements on one line, in ticks (calibration reads its empty statement this way).</summary>
    internal (double TicksPerHit, double BytesPerHit) PerHit(int statement)
    {
        var line = _lines[_statements[statement].Line];
        return line.Hits == 0 ? (0, 0) : (line.SelfTicks / line.Hits, line.SelfBytes / line.Hits);
    }

    /// <summary>The profile of what ran, <paramref name="tracedTicks"/> being the wall time of the traced runs.</summary>
    public ScriptProfile ToProfile(
        string name, int repeat, long tracedTicks, long? allocatedBytes, int[] collections, int top, string? error)
    {
        // The code's time is its top level's (function 0) from call to return: the pipeline that runs it, compiling
        // the rewritten code and defining functions are the profiler's, not the code's.
        var root = _functions.Count > 0 && _functions[0].Calls > 0 ? _functions[0].TotalTicks : Math.Max(0, tracedTicks - (_cost.Ticks * _executed));
        var duration = root / TicksPerMs;
        double Percent(double ticks) => duration > 0 ? 100.0 * ticks / TicksPerMs / duration : 0;
        var lines = _lines
            .Where(l => l.Hits > 0)
            .Select(l => new ProfileLine(
                l.File, l.Line, l.Text, l.Hits, l.SelfTicks / TicksPerMs, l.TotalTicks / TicksPerMs, Percent(l.SelfTicks),
                _allocated is null ? null : (long)Math.Round(l.SelfBytes), l.Function))
            .OrderByDescending(l => l.SelfMs).ThenBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line)
            .ToArray();
        var functions = _functions
            .Where(f => f.Calls > 0)
            .Select(f => new ProfileFunction(f.Name, f.File, f.Line, f.Calls, f.SelfTicks / TicksPerMs, f.TotalTicks / TicksPerMs, Percent(f.TotalTicks)))
            .OrderByDescending(f => f.TotalMs).ThenBy(f => f.Function, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        // What the code's statements allocated themselves; compiling the rewritten code is the profiler's.
        long? bytes = allocatedBytes is null || _allocated is null ? null : (long)Math.Round(_lines.Sum(l => l.SelfBytes));
        return new ScriptProfile(
            name, repeat, duration, tracedTicks / TicksPerMs, _cost.Ticks / 10.0, _executed, bytes, collections, lines, functions, top, error);
    }

    private readonly struct StatementSite
    {
        public StatementSite(int line) => Line = line;

        public int Line { get; }
    }

    private struct Frame
    {
        public Frame(int statement, long start, long startBytes, long executedAtStart)
        {
            Statement = statement;
            Start = start;
            StartBytes = startBytes;
            ExecutedAtStart = executedAtStart;
            ChildTicks = 0;
            ChildBytes = 0;
        }

        public int Statement { get; }

        public long Start { get; }

        public long StartBytes { get; }

        public long ExecutedAtStart { get; }

        public double ChildTicks { get; set; }

        public double ChildBytes { get; set; }

        // Call frames only: the statement stack's depth at the call, and the time of the call's outermost statements.
        public int StackDepth { get; set; }

        public double StatementTicks { get; set; }
    }

    /// <summary>
    /// Times of a line or a function. Self time adds up at every close; total time only when the outermost open one
    /// closes, so that recursion (or a loop body on its loop's line) is not counted twice.
    /// </summary>
    private abstract class Totals
    {
        protected Totals(string file, int line)
        {
            File = file;
            Line = line;
        }

        public string File { get; }

        public int Line { get; }

        public int Active { get; set; }

        public double SelfTicks { get; private set; }

        public double TotalTicks { get; private set; }

        public void Close(double total, double childTicks)
        {
            SelfTicks += Math.Max(0, total - childTicks);
            if (--Active == 0)
            {
                TotalTicks += total;
            }
        }
    }

    private sealed class LineTotals : Totals
    {
        public LineTotals(string file, int line, string text, string function)
            : base(file, line)
        {
            Text = text;
            Function = function;
        }

        public string Text { get; }

        public string Function { get; }

        public long Hits { get; set; }

        public double SelfBytes { get; set; }
    }

    private sealed class FunctionSite : Totals
    {
        public FunctionSite(string name, string file, int line)
            : base(file, line) => Name = name;

        public string Name { get; }

        public long Calls { get; set; }
    }
}
