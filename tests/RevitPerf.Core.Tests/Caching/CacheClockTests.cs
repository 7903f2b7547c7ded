using System;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Caching;

public class CacheClockTests
{
    [Theory]
    [InlineData(1_000L)]
    [InlineData(10_000_000L)]
    [InlineData(1_000_000_000L)]
    public void WhenTheClockHasAnyFrequency_TimesToLiveConvertBothWaysAndInfiniteStaysInfinite(long frequency)
    {
        var clock = new CacheClock(new ManualClock(frequency));
        var ticks = clock.TtlTicks(TimeSpan.FromSeconds(90));
        Assert.Equal(frequency * 90, ticks);
        Assert.Equal(TimeSpan.FromSeconds(90), clock.Ttl(ticks));
        Assert.Equal(long.MaxValue, clock.TtlTicks(Timeout.InfiniteTimeSpan));
        Assert.Equal(Timeout.InfiniteTimeSpan, clock.Ttl(long.MaxValue));
        Assert.Equal(long.MaxValue - 1, clock.TtlTicks(TimeSpan.MaxValue - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void WhenAnExpiryWouldOverflow_ItSaturatesBelowInfinite()
    {
        Assert.Equal(long.MaxValue, CacheClock.ExpiryOf(5, long.MaxValue));
        Assert.Equal(long.MaxValue - 1, CacheClock.ExpiryOf(long.MaxValue - 10, 20));
        Assert.Equal(30, CacheClock.ExpiryOf(10, 20));
    }

    [Fact]
    public void WhenAReadingIsShownAsATime_ItIsNowPlusTheOffset()
    {
        var manual = new ManualClock(1_000);
        var clock = new CacheClock(manual);
        var now = manual.UtcNow;
        Assert.Equal(now.AddSeconds(2), clock.ToUtc(2_000, 0, now));
        Assert.Equal(DateTime.MaxValue, clock.ToUtc(long.MaxValue, 0, now));
    }
}
