using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Kernel;

public class MaintenanceRoutineTests
{
    [Fact]
    public void WhenItRuns_EveryStepRunsInOrderAndAFailingStepIsRecordedWithoutStoppingTheOthers()
    {
        var clock = new ManualClock();
        var ran = new List<string>();
        var routine = new MaintenanceRoutine(clock);
        routine.Add(new Step("first", c => { ran.Add("first"); c.Result.ExpiredEntriesRemoved += 2; }));
        routine.Add(new Step("broken", _ => throw new InvalidOperationException("disk gone")));
        routine.Add(new Step("last", c => { ran.Add("last"); c.Result.PoolsTrimmed = 3; }));

        var config = new PerformanceConfiguration().Optimization;
        config.MemoryCleanupThresholdMB = 123;
        var result = routine.Run(new MaintenanceRequest { Trigger = MaintenanceTrigger.MemoryAlert }, config);

        Assert.Equal(new[] { "first", "last" }, ran);
        Assert.Equal(2, result.ExpiredEntriesRemoved);
        Assert.Equal(3, result.PoolsTrimmed);
        Assert.Equal("broken: disk gone", result.Failures);
        Assert.Equal(MaintenanceTrigger.MemoryAlert, result.Trigger);
        Assert.Equal(123, result.ThresholdMB);
        Assert.Equal(clock.UtcNow, result.Timestamp);
        Assert.Equal(new[] { "first", "broken", "last" }, routine.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void WhenTheOptimizerIsCreated_ItsRoutineSweepsCachesTrimsPoolsCleansMemoryAndSizesTheCacheInThatOrder()
    {
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), new ManualClock(), new FakeMemoryProbe());
        Assert.Equal(new[] { "ExpiredEntries", "PoolTrimming", "MemoryCleanup", "AdaptiveSizing" }, optimizer.Maintenance.Tasks.Select(t => t.Name));
    }

    private sealed class Step : IMaintenanceTask
    {
        private readonly Action<MaintenanceContext> _run;

        public Step(string name, Action<MaintenanceContext> run)
        {
            Name = name;
            _run = run;
        }

        public string Name { get; }

        public void Run(MaintenanceContext context) => _run(context);
    }
}
