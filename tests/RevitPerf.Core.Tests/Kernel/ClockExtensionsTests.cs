using System;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Kernel;

public class ClockExtensionsTests
{
    [Theory]
    [InlineData(1_000L)]
    [InlineData(10_000_000L)]
    [InlineData(1_000_000_000L)]
    public void WhenAClockHasAnyFrequency_SpansAndTimestampsConvertBothWays(long frequency)
    {
        var clock = new ManualClock(frequency);
        var start = clock.Timestamp;
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.Since(start));
        Assert.Equal(frequency * 3 / 2, clock.ToTimestampTicks(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromSeconds(-1), clock.Elapsed(frequency, 0));
    }

    [Fact]
    public void WhenASpanIsHuge_TheTimestampTicksSaturateSoThatAddingThemCannotOverflow()
    {
        var clock = new ManualClock(1_000_000_000);
        Assert.Equal(long.MaxValue / 4, clock.ToTimestampTicks(TimeSpan.MaxValue));
        Assert.Equal(long.MinValue / 4, clock.ToTimestampTicks(TimeSpan.MinValue));
    }
}
