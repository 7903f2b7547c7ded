using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace RevitPerf.Core.Storage;

/// <summary>
/// The embedded store: a folder (the results_directory by default, or a shared folder several machines publish into).
/// A published run is one file, created once under its run id; the history reads those files and the benchmark results
/// files every run writes there, each run once. A file that cannot be read is reported through
/// <see cref="Problems"/> and the rest is read.
/// </summary>
public sealed class FolderResultsStore : IResultsStore
{
    /// <summary>The file name pattern of benchmark results files.</summary>
    public const string ResultsPattern = "benchmark_results_*.json";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the store over <paramref name="folder"/> (created when the first run is published).</summary>
    public FolderResultsStore(string folder)
    {
        Folder = Path.GetFullPath(folder ?? throw new ArgumentNullException(nameof(folder)));
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public string Description => $"folder {Folder}";

    /// <summary>Files the last <see cref="ReadHistory"/> skipped, each with the reason.</summary>
    public IReadOnlyList<(string Path, string Reason)> Problems { get; private set; } = Array.Empty<(string, string)>();

    /// <inheritdoc/>
    public bool Publish(ResultsRun run)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        return WriteOnce(RunFile.FileNameOf(run), RunFile.Serialize(run));
    }

    private bool WriteOnce(string name, string text)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, name);
        if (File.Exists(target))
        {
            return false;
        }

        // Written aside, then moved into place: a reader never sees half a file, and of two machines publishing the
        // same run at once exactly one move succeeds.
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text, s_utf8);
        try
        {
            File.Move(temporary, target);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
            return false;
        }
    }

    /// <inheritdoc/>
    public int PublishSnapshots(string machine, string user, IReadOnlyList<string> tags, IReadOnlyList<Memory.MemorySnapshot> snapshots)
    {
        if (snapshots is null || snapshots.Count == 0)
        {
            return 0;
        }

        var name = $"revitperf_snapshots_{RecordFile.SnapshotsId(machine, snapshots)}.json";
        return WriteOnce(name, RecordFile.Snapshots(machine, user, tags, snapshots)) ? snapshots.Count : 0;
    }

    /// <inheritdoc/>
    public bool PublishSession(string machine, string user, IReadOnlyList<string> tags, Journals.JournalSession session)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        // Replaced, not kept once: a session that was still running when it was first published has grown since.
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"revitperf_session_{RecordFile.SessionId(machine, session)}.json");
        var added = !File.Exists(target);
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, RecordFile.Session(machine, user, tags, session), s_utf8);
        if (File.Exists(target))
        {
            File.Delete(target);
        }

        File.Move(temporary, target);
        return added;
    }

    /// <inheritdoc/>
    public IReadOnlyList<BenchmarkHistoryRow> ReadHistory(HistoryQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var problems = new List<(string, string)>();
        var runs = new Dictionary<string, ResultsRun>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(Folder))
        {
            // Run files first: they carry the user and tags a results file of the same run does not.
            foreach (var file in Directory.EnumerateFiles(Folder, RunFile.Pattern).Concat(Directory.EnumerateFiles(Folder, ResultsPattern)))
            {
                try
                {
                    foreach (var run in RunFile.Parse(file, File.ReadAllText(file)))
                    {
                        if (!runs.ContainsKey(run.RunId))
                        {
                            runs[run.RunId] = run;
                        }
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    problems.Add((file, ex.Message));
                }
            }
        }

        Problems = problems;
        return runs.Values.Where(query.MatchesRun).OrderBy(r => r.TimeUtc)
            .SelectMany(r => r.Benchmarks.Where(query.MatchesBenchmark).Select(b => BenchmarkHistoryRow.Of(r, b)))
            .ToList();
    }
}
