using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace RevitPerf.Core.Storage;

/// <summary>
/// Runs that could not reach their store, kept on this machine until the next publish to that store sends them: one
/// run file each, in a folder per store (so a run only ever goes where it was meant to). A spooled file that cannot be
/// read is set aside as <c>.invalid</c> (kept for a person to look at, not retried) and reported; the rest are sent.
/// </summary>
public sealed class ResultsSpool
{
    /// <summary>The environment variable that moves the spool (a test's own folder, say).</summary>
    public const string DirectoryVariable = "REVITPERF_SPOOL_DIRECTORY";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The spool of the store <paramref name="storeDescription"/> under <paramref name="root"/> (default: see <see cref="DefaultRoot"/>).</summary>
    public ResultsSpool(string storeDescription, string? root = null)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(storeDescription ?? string.Empty));
        Folder = Path.Combine(root ?? DefaultRoot, string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>%LOCALAPPDATA%/RevitPerf/spool, or the folder <see cref="DirectoryVariable"/> names.</summary>
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } root ? root
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "RevitPerf", "spool");

    /// <summary>This store's spool folder.</summary>
    public string Folder { get; }

    /// <summary>Runs waiting.</summary>
    public int Count => Directory.Exists(Folder) ? Directory.GetFiles(Folder, RunFile.Pattern).Length : 0;

    /// <summary>Keeps <paramref name="run"/> until the next flush; returns the file.</summary>
    public string Add(ResultsRun run)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, RunFile.FileNameOf(run ?? throw new ArgumentNullException(nameof(run))));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, RunFile.Serialize(run), s_utf8);
        if (File.Exists(path))
        {
            File.Delete(temporary);
        }
        else
        {
            File.Move(temporary, path);
        }

        return path;
    }

    /// <summary>
    /// Sends the waiting runs to <paramref name="store"/>, oldest first, deleting each once the store has it. Stops at
    /// the first store failure (the rest wait for the next flush) and throws it; an unreadable file goes to
    /// <paramref name="invalid"/> and is set aside.
    /// </summary>
    public IReadOnlyList<PublishedRun> Flush(IResultsStore store, Action<string, Exception> invalid)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        var sent = new List<PublishedRun>();
        if (!Directory.Exists(Folder))
        {
            return sent;
        }

        foreach (var file in Directory.GetFiles(Folder, RunFile.Pattern).OrderBy(File.GetLastWriteTimeUtc))
        {
            IReadOnlyList<ResultsRun> runs;
            try
            {
                runs = RunFile.Parse(file, File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                invalid?.Invoke(file, ex);
                SetAside(file);
                continue;
            }

            foreach (var run in runs)
            {
                sent.Add(PublishedRun.Publish(store, run));
            }

            File.Delete(file);
        }

        return sent;
    }

    private static void SetAside(string file)
    {
        try
        {
            var target = file + ".invalid";
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(file, target);
        }
        catch (IOException)
        {
            // Left where it is: it will be reported again, which is better than losing it.
        }
    }
}
