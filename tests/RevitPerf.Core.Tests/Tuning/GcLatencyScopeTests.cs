using System.Runtime;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Tests.Tuning;

// The latency mode is the process's: nothing else may run a benchmark (which enters the scope) meanwhile.
[Collection("Real garbage collector")]
public class GcLatencyScopeTests
{
    [Fact]
    public void WhenBenchmarkRunsOverlap_TheLatencyModeIsRestoredOnlyAfterTheLast()
    {
        var before = GCSettings.LatencyMode;
        using (GcLatencyScope.Enter(enabled: false))
        {
            Assert.Equal(before, GCSettings.LatencyMode);
        }

        var first = GcLatencyScope.Enter(enabled: true)!;
        var second = GcLatencyScope.Enter(enabled: true)!;
        first.Dispose();
        first.Dispose();
        Assert.NotEqual(GCLatencyMode.Batch, GCSettings.LatencyMode);
        second.Dispose();
        Assert.Equal(before, GCSettings.LatencyMode);
    }
}
