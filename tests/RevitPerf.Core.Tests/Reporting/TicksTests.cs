using System.Linq;
using RevitPerf.Core.Reporting;

namespace RevitPerf.Core.Tests.Reporting;

public class TicksTests
{
    [Fact]
    public void WhenARangeIsGiven_TicksAreRoundAndCoverIt()
    {
        var (min, max, values) = Ticks.Linear(0.37, 9.2);
        Assert.Equal(0, min);
        Assert.Equal(10, max);
        Assert.Equal(new[] { 0.0, 2, 4, 6, 8, 10 }, values);
    }

    [Fact]
    public void WhenAllValuesAreEqual_TheAxisStillHasARange()
    {
        var (min, max, values) = Ticks.Linear(5, 5);
        Assert.True(max > min);
        Assert.Contains(values, v => v <= 5);
        Assert.Contains(values, v => v >= 5);
    }

    [Fact]
    public void WhenTheAxisIsLogarithmic_TicksAreDecades()
    {
        var (min, max, values) = Ticks.Log(120, 45_000);
        Assert.Equal(100, min);
        Assert.Equal(100_000, max);
        Assert.Equal(new[] { 100.0, 1_000, 10_000, 100_000 }, values.Select(v => System.Math.Round(v)));
    }

    [Fact]
    public void WhenTheAxisIsTime_TicksFallOnRoundMinutesOrHours()
    {
        var (_, _, values) = Ticks.Time(0, 3 * 3600);
        Assert.All(values, v => Assert.Equal(0, v % 1800));
        Assert.InRange(values.Count, 3, 7);
    }
}
