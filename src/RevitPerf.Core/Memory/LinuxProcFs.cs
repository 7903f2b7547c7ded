using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Reads a process's memory on Linux straight from /proc: one read of /proc/PID/status (VmRSS, VmData, VmSwap,
/// Threads; the fields .NET's Process uses) and a count of /proc/PID/fd with readdir. Process.HandleCount lists that
/// folder through the file-system enumerator, which examines every link: 1 ms for 160 handles, most of a snapshot.
/// </summary>
internal static class LinuxProcFs
{
    private const double KBToMB = 1.0 / 1024;
    private static bool s_readdirWorks = true;

    public static bool IsAvailable { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Directory.Exists("/proc/self");

    /// <summary>Fills the process figures of <paramref name="snapshot"/>; false when the process is gone.</summary>
    public static bool TryRead(int processId, MemorySnapshot snapshot)
    {
        string status;
        try
        {
            status = File.ReadAllText("/proc/" + processId.ToString(CultureInfo.InvariantCulture) + "/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        foreach (var line in status.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line.Substring(0, colon);
            switch (key)
            {
                case "State":
                    // A zombie (exited, not yet reaped by its parent) or dead process is gone.
                    var state = line.Substring(colon + 1).Trim();
                    if (state.StartsWith("Z", StringComparison.Ordinal) || state.StartsWith("X", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    break;
                case "VmRSS":
                    snapshot.WorkingSetMB = Number(line, colon) * KBToMB;
                    break;
                case "VmData":
                    snapshot.PrivateMemoryMB = Number(line, colon) * KBToMB;
                    break;
                case "VmSwap":
                    snapshot.PagedMemoryMB = Number(line, colon) * KBToMB;
                    break;
                case "Threads":
                    snapshot.ThreadCount = (int)Number(line, colon);
                    break;
            }
        }

        snapshot.HandleCount = CountHandles(processId);
        return true;
    }

    private static double Number(string line, int colon)
    {
        var text = line.Substring(colon + 1).Trim();
        var space = text.IndexOf(' ');
        return double.TryParse(space < 0 ? text : text.Substring(0, space), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private static int CountHandles(int processId)
    {
        var folder = "/proc/" + processId.ToString(CultureInfo.InvariantCulture) + "/fd";
        if (s_readdirWorks)
        {
            try
            {
                var dir = opendir(folder);
                if (dir == IntPtr.Zero)
                {
                    return 0;
                }

                try
                {
                    // Only the count is needed, so the dirent layout never matters; "." and ".." are always there.
                    var entries = 0;
                    while (readdir(dir) != IntPtr.Zero)
                    {
                        entries++;
                    }

                    return Math.Max(0, entries - 2);
                }
                finally
                {
                    closedir(dir);
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                s_readdirWorks = false;
            }
        }

        try
        {
            return Directory.GetFileSystemEntries(folder).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr opendir(string name);

    [DllImport("libc")]
    private static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    private static extern int closedir(IntPtr dir);
}
