using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RevitPerf.Core.Journals;

/// <summary>Where Revit writes journals: <c>%LOCALAPPDATA%\Autodesk\Revit\Autodesk Revit &lt;year&gt;\Journals</c>.</summary>
public static class JournalLocations
{
    /// <summary>The file pattern of journals in a journals folder.</summary>
    public const string JournalPattern = "journal*.txt";

    /// <summary>The folder that holds one folder per installed Revit release (it need not exist).</summary>
    public static string RevitDataRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Autodesk", "Revit");

    /// <summary>The journals folder of every Revit release on this machine, oldest release first.</summary>
    public static IReadOnlyList<string> DefaultFolders()
    {
        var root = RevitDataRoot;
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateDirectories(root, "Autodesk Revit *")
            .Select(release => Path.Combine(release, "Journals"))
            .Where(Directory.Exists)
            .OrderBy(folder => folder, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The journals in <paramref name="folder"/> (journal*.txt, not its subfolders), in name order (journal.0001 first).</summary>
    public static IReadOnlyList<string> JournalsIn(string folder) =>
        Directory.EnumerateFiles(folder, JournalPattern, SearchOption.TopDirectoryOnly)
            .OrderBy(file => file, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
