using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Profiling;

namespace RevitPerf.PowerShell.Profiling;

/// <summary>
/// Profiles code for Trace-RevitScript and Measure-RevitOperation -Profile: rewrites it (and the script functions it
/// calls by name, which it then finds rewritten in a scope between the caller's and its own), calibrates the probes'
/// cost on this machine now, runs it as &amp; would with its output discarded and its other streams passed on, and
/// returns the profile, partial when the code ended with a terminating error.
/// </summary>
internal static class ProfiledRun
{
    private const int MaxFunctions = 100;
    private const int CalibrationStatements = 2000;
    private const int CalibrationRounds = 9;

    // The functions are defined in the helper's scope, so the traced code (a child scope, as with &)
    // finds them before the caller's; they are gone when it returns.
    // The helper is its own script block, compiled once (a literal inside the steppable pipeline's script would be
    // compiled again on every run, as Measure-RevitOperation's was).
    private static readonly ScriptBlock s_helper = ScriptBlock.Create(
        "param($__RevitPerfBlock, $__RevitPerfArgs, $__RevitPerfDot, $__RevitPerfSet) " +
        "foreach ($__RevitPerfItem in $__RevitPerfDot) { . $__RevitPerfItem } " +
        "foreach ($__RevitPerfItem in $__RevitPerfSet) { Set-Item -LiteralPath ('function:' + $__RevitPerfItem.Key) -Value $__RevitPerfItem.Value } " +
        "$__RevitPerfItem = $null; & $__RevitPerfBlock @__RevitPerfArgs");

    private static readonly ScriptBlock s_invoker = ScriptBlock.Create("param($h, $b, $a, $d, $s) & $h $b $a $d $s | Out-Null");

    private const string CalibrationCode = "param($__RevitPerfRange) foreach ($__RevitPerfI in $__RevitPerfRange) {\n$null\n}\n$__RevitPerfI = $?";

    /// <summary>Profiles <paramref name="block"/> (or the script <paramref name="path"/> with its text) <paramref name="repeat"/> times.</summary>
    public static (ScriptProfile Profile, RuntimeException? Error) Run(
        PSCmdlet cmdlet, ScriptBlock? block, string? path, string? text, object?[] arguments, int repeat, int top)
    {
        var session = new ProfileSession();
        var stamp = ProfilerProbe.NewStamp();
        var instrumenter = new ScriptInstrumenter(session, stamp);
        var main = block is not null ? instrumenter.Instrument(block) : instrumenter.InstrumentFile(path!, text!);
        var (dot, set) = InstrumentFunctions(cmdlet, instrumenter, main);
        session.UseCost(Calibrate());

        var probe = RuntimeAllocationProbe.IsPerThread ? RuntimeAllocationProbe.Instance : null;
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var allocatedBefore = probe?.AllocatedBytes;
        var watch = Stopwatch.StartNew();
        RuntimeException? error = null;
        var runs = 0;
        using (ProfilerProbe.Activate(session, stamp))
        {
            while (runs < repeat && error is null)
            {
                runs++;
                error = SteppableRun.Run(cmdlet, s_invoker, new object[] { s_helper, main, arguments, dot, set });
            }
        }

        watch.Stop();
        var allocated = probe?.AllocatedBytes - allocatedBefore;
        var counts = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]).ToArray();
        var name = path ?? (block?.File is { } file ? $"{file}:{block.Ast.Extent.StartLineNumber}" : ScriptInstrumenter.InMemory);
        var profile = session.ToProfile(name, runs, watch.Elapsed.Ticks, allocated, counts, top, error?.ErrorRecord?.ToString() ?? error?.Message);
        return (profile, error);
    }

    private static (List<ScriptBlock> Dot, List<KeyValuePair<string, ScriptBlock>> Set) InstrumentFunctions(
        PSCmdlet cmdlet, ScriptInstrumenter instrumenter, ScriptBlock main)
    {
        var dot = new List<ScriptBlock>();
        var set = new List<KeyValuePair<string, ScriptBlock>>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(ScriptInstrumenter.CommandNames(main.Ast));
        while (pending.Count > 0 && seen.Count < MaxFunctions)
        {
            var name = pending.Dequeue();
            if (!seen.Add(name)
                || cmdlet.SessionState.InvokeCommand.GetCommand(name, CommandTypes.Function | CommandTypes.Filter) is not FunctionInfo function)
            {
                continue;
            }

            try
            {
                var (definition, body) = instrumenter.InstrumentFunction(function);
                if (definition is not null)
                {
                    dot.Add(definition);

                    // What a script function calls by name is found from the same scopes: rewrite those too.
                    foreach (var called in ScriptInstrumenter.CommandNames(function.ScriptBlock.Ast))
                    {
                        pending.Enqueue(called);
                    }
                }
                else if (body is not null)
                {
                    set.Add(new KeyValuePair<string, ScriptBlock>(function.Name, body));
                }
            }
            catch (ParseException)
            {
                // A function the rewrite cannot reproduce runs as it is; its time stays in the line that calls it.
            }
        }

        return (dot, set);
    }

    // The probes' cost now, on this machine: the same loop of empty statements plain and rewritten, alternately, each
    // round a new script block run once, as the traced code is (PowerShell interprets a block's first run and compiles
    // it later, and the probes cost more while interpreted); the difference per statement is the cost in all, and the
    // time an empty statement shows is the part inside it.
    private static ProbeCost Calibrate()
    {
        var range = Enumerable.Range(0, CalibrationStatements).ToArray();
        var probe = RuntimeAllocationProbe.IsPerThread ? RuntimeAllocationProbe.Instance : null;
        var plain = new List<(double Ticks, double Bytes)>();
        var traced = new List<(double Ticks, double Bytes)>();
        var inner = new List<(double Ticks, double Bytes)>();
        (double, double) Time(ScriptBlock code)
        {
            var before = probe?.AllocatedBytes ?? 0;
            var watch = Stopwatch.StartNew();
            code.Invoke(range);
            return (watch.Elapsed.Ticks, (probe?.AllocatedBytes ?? 0) - before);
        }

        for (var round = -1; round < CalibrationRounds; round++)
        {
            var session = new ProfileSession();
            var stamp = ProfilerProbe.NewStamp();
            var original = ScriptBlock.Create(CalibrationCode);
            var rewritten = new ScriptInstrumenter(session, stamp).Instrument(original);
            using (ProfilerProbe.Activate(session, stamp))
            {
                // A run over nothing compiles each block first: compiling is not the probes' cost per statement.
                original.Invoke(Array.Empty<int>());
                rewritten.Invoke(Array.Empty<int>());
                var timePlain = Time(original);
                var timeTraced = Time(rewritten);
                if (round >= 0)
                {
                    // Round -1 warms what is the same every time (the binder of the probe calls).
                    plain.Add(timePlain);
                    traced.Add(timeTraced);
                    inner.Add(session.PerHit(1));
                }
            }
        }

        // Interference from a busy machine only ever adds time: the least of the rounds is the estimate.
        var statements = CalibrationStatements + 2.0; // the loop, its body each time, and the line reading $? (which warms that probe)
        var ticks = (traced.Min(t => t.Ticks) - plain.Min(p => p.Ticks)) / statements;
        var bytes = (traced.Min(t => t.Bytes) - plain.Min(p => p.Bytes)) / statements;
        return new ProbeCost(ticks, inner.Min(i => i.Ticks), bytes, inner.Min(i => i.Bytes));
    }
}
