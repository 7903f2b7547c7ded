using System.Linq;
using RevitPerf.Core.Profiling;

namespace RevitPerf.Core.Tests.Profiling;

public class ProfileSessionTests
{
    // A clock in milliseconds the test moves by hand, and an allocation counter likewise.
    private long _now;
    private long _bytes;

    private ProfileSession NewSession() => new(timestamp: () => _now, frequency: 1000, allocated: () => _bytes);

    [Fact]
    public void WhenStatementsNest_SelfExcludesTheNestedAndTotalIncludesThem()
    {
        var session = NewSession();
        var top = session.AddFunction("<Script>", "a.ps1", 1);
        var loop = session.AddStatement("a.ps1", 1, "foreach", top);
        var body = session.AddStatement("a.ps1", 2, "body", top);
        session.EnterFunction(top);
        session.Enter(loop);
        _now += 1;
        for (var i = 0; i < 3; i++)
        {
            session.Enter(body);
            _now += 2;
            _bytes += 100;
            session.Exit(body, true);
            _now += 1;
        }

        session.Exit(loop, true);
        session.ExitFunction(top);
        var profile = session.ToProfile("a", 1, 10 * 10_000, 300, new int[3], 20, null);
        var lines = profile.Lines;
        Assert.Equal(new[] { 2, 1 }, lines.Select(l => l.Line));
        Assert.Equal(6, lines[0].SelfMs, 9);
        Assert.Equal(3, lines[0].Hits);
        Assert.Equal(300, lines[0].AllocatedBytes);
        Assert.Equal(4, lines[1].SelfMs, 9);
        Assert.Equal(10, lines[1].TotalMs, 9);
        Assert.Equal(10, profile.DurationMs, 9);
        Assert.Equal(60, lines[0].Percent, 9);
        Assert.Equal(4, profile.Statements);
    }

    [Fact]
    public void WhenALineRecurses_ItsTotalAndItsFunctionsTotalCountOnce()
    {
        var session = NewSession();
        var function = session.AddFunction("f", "a.ps1", 1);
        var call = session.AddStatement("a.ps1", 2, "f ($n - 1)", function);
        void Recurse(int depth)
        {
            session.EnterFunction(function);
            session.Enter(call);
            _now += 1;
            if (depth > 0)
            {
                Recurse(depth - 1);
            }

            session.Exit(call, true);
            session.ExitFunction(function);
        }

        Recurse(4);
        var profile = session.ToProfile("a", 1, 50_000, null, new int[3], 20, null);
        Assert.Equal(5, profile.Lines.Single().TotalMs, 9);
        Assert.Equal(5, profile.Lines.Single().SelfMs, 9);
        var f = profile.Functions.Single();
        Assert.Equal(5, f.Calls);
        Assert.Equal(5, f.TotalMs, 9);
        Assert.Equal(5, f.SelfMs, 9);
    }

    [Fact]
    public void WhenAnExitIsMissing_TheNextExitFurtherOutClosesItToo()
    {
        var session = NewSession();
        var top = session.AddFunction("<Script>", "a.ps1", 1);
        var outer = session.AddStatement("a.ps1", 1, "outer", top);
        var inner = session.AddStatement("a.ps1", 2, "inner", top);
        session.Enter(outer);
        session.Enter(inner);
        _now += 3;
        session.Exit(outer, false);
        session.Exit(inner, true); // late, and no longer open: ignored
        Assert.False(session.LastStatus);
        var profile = session.ToProfile("a", 1, 30_000, null, new int[3], 20, null);
        Assert.Equal(3, profile.Lines.Single(l => l.Line == 2).TotalMs, 9);
        Assert.Equal(0, profile.Lines.Single(l => l.Line == 1).SelfMs, 9);
        Assert.Equal(3, profile.Lines.Single(l => l.Line == 1).TotalMs, 9);
    }

    [Fact]
    public void WhenACostIsCalibrated_ItIsSubtractedFromTheStatementAndEverythingAroundIt()
    {
        var session = NewSession();
        var top = session.AddFunction("<Script>", "a.ps1", 1);
        var loop = session.AddStatement("a.ps1", 1, "loop", top);
        var body = session.AddStatement("a.ps1", 2, "body", top);
        // 1 ms per statement in all, 0.25 ms of it inside the statement's own window (in 100 ns ticks).
        session.UseCost(new ProbeCost(10_000, 2_500, 8, 2));
        session.EnterFunction(top);
        session.Enter(loop);
        for (var i = 0; i < 4; i++)
        {
            session.Enter(body);
            _now += 2; // 1.75 ms of work, 0.25 ms of probe inside
            _bytes += 12; // 10 bytes of work, 2 of probe
            session.Exit(body, true);
            _now += 1; // the rest of the probe, landing in the loop
            _bytes += 6;
        }

        session.Exit(loop, true);
        session.ExitFunction(top);
        var profile = session.ToProfile("a", 1, 120_000, 72, new int[3], 20, null);
        var bodyLine = profile.Lines.Single(l => l.Line == 2);
        Assert.Equal(4 * 1.75, bodyLine.SelfMs, 9);
        Assert.Equal(40, bodyLine.AllocatedBytes);
        var loopLine = profile.Lines.Single(l => l.Line == 1);
        // 12 ms raw, less 0.25 of its own probe and 4 x 1 ms of its body's probes = 7.75 ms, of which the body is 7.
        Assert.Equal(7.75, loopLine.TotalMs, 9);
        Assert.Equal(0.75, loopLine.SelfMs, 9);
        Assert.Equal(1.0, profile.OverheadPerStatementUs / 1000, 9);
        Assert.Equal(40 + 0, profile.AllocatedBytes);
    }

    [Fact]
    public void WhenAFunctionHasSeveralBlocks_ACallCountsOnce()
    {
        var session = NewSession();
        var function = session.AddFunction("f", "a.ps1", 1);
        session.EnterFunction(function);
        _now += 1;
        session.ExitFunction(function);
        session.EnterFunction(function, countCall: false);
        _now += 2;
        session.ExitFunction(function);
        var f = session.ToProfile("a", 1, 30_000, null, new int[3], 20, null).Functions.Single();
        Assert.Equal(1, f.Calls);
        Assert.Equal(3, f.TotalMs, 9);
    }

    [Fact]
    public void WhenNothingRan_TheProfileIsEmptyNotBroken()
    {
        var session = NewSession();
        session.AddFunction("<Script>", "a.ps1", 1);
        var profile = session.ToProfile("a", 1, 0, null, new int[3], 20, "failed before the first statement");
        Assert.Empty(profile.Lines);
        Assert.Empty(profile.Functions);
        Assert.Equal(0, profile.DurationMs);
        Assert.Equal("failed before the first statement", profile.Error);
        Assert.Empty(profile.TopLines);
    }

    [Fact]
    public void WhenTheCalibratedCostIsTooHigh_NoTotalFallsBelowWhatItRan()
    {
        var session = NewSession();
        var top = session.AddFunction("<Script>", "a.ps1", 1);
        var loop = session.AddStatement("a.ps1", 1, "loop", top);
        var body = session.AddStatement("a.ps1", 1, "body", top);
        // 5 ms per statement: far more than the 1 ms each iteration really takes (a compiled loop).
        session.UseCost(new ProbeCost(50_000, 2_500, 0, 0));
        session.EnterFunction(top);
        session.Enter(loop);
        for (var i = 0; i < 10; i++)
        {
            session.Enter(body);
            _now += 1;
            session.Exit(body, true);
        }

        session.Exit(loop, true);
        session.ExitFunction(top);
        var profile = session.ToProfile("a", 1, 100_000, null, new int[3], 20, null);
        var line = profile.Lines.Single();
        Assert.Equal(10 * 0.75, line.SelfMs, 9);
        Assert.Equal(7.5, line.TotalMs, 9);
        Assert.Equal(7.5, profile.DurationMs, 9);
        Assert.Equal(7.5, profile.Functions.Single().TotalMs, 9);
        Assert.Equal(100, line.Percent, 9);
    }
}
