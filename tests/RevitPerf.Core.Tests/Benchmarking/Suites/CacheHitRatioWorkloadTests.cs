using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Benchmarking;

public class CacheHitRatioWorkloadTests
{
    [Fact]
    public void WhenAZipfTraceIsDrawn_ItIsDeterministicAndSkewed()
    {
        var a = CacheHitRatioWorkload.ZipfTrace(1_000, 1.1, 10_000, 7);
        Assert.Equal(a, CacheHitRatioWorkload.ZipfTrace(1_000, 1.1, 10_000, 7));
        var top = a.GroupBy(k => k).Select(g => g.Count()).OrderByDescending(c => c).Take(10).Sum();
        Assert.True(top > 3_000, $"the 10 hottest of 1,000 keys took {top} of 10,000 accesses");
    }
}
