using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RevitPerf.Core.Storage;

namespace RevitPerf.Core.Tests.Storage;

public sealed class FolderResultsStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "revitperf-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void WhenTheSameRunIsPublishedTwice_ItIsStoredOnce()
    {
        var store = new FolderResultsStore(_folder);
        var run = StorageFixtures.Run("BATCH01", 0, 10);
        Assert.True(store.Publish(run));
        Assert.False(store.Publish(run));
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(2, store.ReadHistory(new HistoryQuery()).Count);
    }

    [Fact]
    public void WhenTwoMachinesPublishAtOnce_NoRunIsLostOrDuplicated()
    {
        var store = new FolderResultsStore(_folder);
        var one = StorageFixtures.Series("BATCH01", 60, 3, seed: 1);
        var two = StorageFixtures.Series("BATCH02", 60, 3, seed: 2);
        var shared = one.Take(10).ToList(); // both publish these: a shared folder seen twice
        Parallel.Invoke(
            () => { foreach (var run in one.Concat(shared)) { store.Publish(run); } },
            () => { foreach (var run in two.Concat(shared)) { store.Publish(run); } });
        var rows = store.ReadHistory(new HistoryQuery { Names = new[] { "Open" } });
        Assert.Equal(120, rows.Count);
        Assert.Equal(120, rows.Select(r => r.RunId).Distinct().Count());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void WhenTheHistoryIsAsked_ItIsFilteredByNameSuiteMachineTimeAndTags()
    {
        var store = new FolderResultsStore(_folder);
        for (var i = 0; i < 6; i++)
        {
            store.Publish(StorageFixtures.Run(i % 2 == 0 ? "BATCH01" : "CI-AGENT", i, 10 + i, i >= 3 ? new[] { "commit=new" } : new[] { "commit=old" }));
        }

        Assert.Equal(12, store.ReadHistory(new HistoryQuery()).Count);
        Assert.Equal(6, store.ReadHistory(new HistoryQuery { Names = new[] { "op*" } }).Count);
        Assert.Equal(6, store.ReadHistory(new HistoryQuery { Suites = new[] { "Cache" } }).Count);
        Assert.Equal(3, store.ReadHistory(new HistoryQuery { Names = new[] { "Open" }, Machines = new[] { "batch*" } }).Count);
        Assert.Equal(2, store.ReadHistory(new HistoryQuery { Names = new[] { "Open" }, SinceUtc = StorageFixtures.Start.AddHours(48) }).Count);
        var tagged = store.ReadHistory(new HistoryQuery { Names = new[] { "Open" }, Tags = new[] { "COMMIT=NEW" } });
        Assert.Equal(new[] { 13.0, 14, 15 }, tagged.Select(r => r.MeanMs));
        Assert.Equal(tagged.Select(r => r.Time).OrderBy(t => t), tagged.Select(r => r.Time));
        Assert.Equal("commit=new", tagged[0].Tags);
    }

    [Fact]
    public void WhenAFileIsDamaged_ItIsReportedAndTheRestIsRead()
    {
        var store = new FolderResultsStore(_folder);
        store.Publish(StorageFixtures.Run("BATCH01", 0, 10));
        File.WriteAllText(Path.Combine(_folder, "revitperf_run_broken.json"), "{ \"benchmarks\": [");
        File.WriteAllText(Path.Combine(_folder, "notes.json"), "not read at all");
        Assert.Equal(2, store.ReadHistory(new HistoryQuery()).Count);
        var problem = Assert.Single(store.Problems);
        Assert.EndsWith("revitperf_run_broken.json", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheFolderDoesNotExist_TheHistoryIsEmpty() =>
        Assert.Empty(new FolderResultsStore(Path.Combine(_folder, "none")).ReadHistory(new HistoryQuery()));
}
