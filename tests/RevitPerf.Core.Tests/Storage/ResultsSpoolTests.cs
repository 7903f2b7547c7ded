using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RevitPerf.Core.Storage;

namespace RevitPerf.Core.Tests.Storage;

public sealed class ResultsSpoolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "revitperf-spool-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void WhenRunsWaitAndTheStoreIsBack_TheyAreSentOnceAndTheSpoolIsEmpty()
    {
        var store = new FolderResultsStore(Path.Combine(_root, "store"));
        var spool = new ResultsSpool(store.Description, Path.Combine(_root, "spool"));
        spool.Add(StorageFixtures.Run("BATCH01", 0, 10));
        spool.Add(StorageFixtures.Run("BATCH01", 1, 11));
        spool.Add(StorageFixtures.Run("BATCH01", 1, 11)); // the same run twice is one file
        Assert.Equal(2, spool.Count);
        var sent = spool.Flush(store, (_, _) => throw new InvalidOperationException("nothing is invalid"));
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.True(s.Added));
        Assert.Equal(0, spool.Count);
        Assert.Equal(4, store.ReadHistory(new HistoryQuery()).Count);
    }

    [Fact]
    public void WhenASpooledFileIsDamaged_ItIsSetAsideAndReportedAndTheRestAreSent()
    {
        var store = new FolderResultsStore(Path.Combine(_root, "store"));
        var spool = new ResultsSpool(store.Description, Path.Combine(_root, "spool"));
        spool.Add(StorageFixtures.Run("BATCH01", 0, 10));
        var broken = Path.Combine(spool.Folder, "revitperf_run_broken.json");
        File.WriteAllText(broken, "{ \"schema\": \"revitperf-run\", \"benchmarks\": [");
        var invalid = new List<string>();
        var sent = spool.Flush(store, (file, _) => invalid.Add(file));
        Assert.Single(sent);
        Assert.Equal(new[] { broken }, invalid);
        Assert.True(File.Exists(broken + ".invalid"));
        Assert.Equal(0, spool.Count);
    }

    [Fact]
    public void WhenTheStoreFailsMidFlush_TheUnsentRunsStay()
    {
        var spool = new ResultsSpool("down", Path.Combine(_root, "spool"));
        spool.Add(StorageFixtures.Run("BATCH01", 0, 10));
        spool.Add(StorageFixtures.Run("BATCH01", 1, 10));
        Assert.Throws<ResultsStoreException>(() => spool.Flush(new FailingStore(), (_, _) => { }));
        Assert.Equal(2, spool.Count);
    }

    [Fact]
    public void WhenTwoStoresSpool_EachHasItsOwnFolder() =>
        Assert.NotEqual(new ResultsSpool("PostgreSQL a@h:5432/x", _root).Folder, new ResultsSpool("PostgreSQL a@h:5432/y", _root).Folder);

    private sealed class FailingStore : IResultsStore
    {
        public string Description => "down";

        public bool Publish(ResultsRun run) => throw new ResultsStoreException(ResultsStoreFailure.Unreachable, "down cannot be reached");

        public int PublishSnapshots(string machine, string user, IReadOnlyList<string> tags, IReadOnlyList<RevitPerf.Core.Memory.MemorySnapshot> snapshots) => throw new NotSupportedException();

        public bool PublishSession(string machine, string user, IReadOnlyList<string> tags, RevitPerf.Core.Journals.JournalSession session) => throw new NotSupportedException();

        public IReadOnlyList<BenchmarkHistoryRow> ReadHistory(HistoryQuery query) => throw new NotSupportedException();
    }
}
