using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// How to start a fresh PowerShell process: the executable and the arguments that come before PowerShell's own
/// (for PowerShell run as a .NET tool, <c>dotnet</c> and the path of pwsh.dll). Scripts go in as -EncodedCommand, so
/// no quoting rules of any shell are involved.
/// </summary>
internal sealed class PowerShellLauncher
{
    /// <summary>Creates a launcher.</summary>
    public PowerShellLauncher(string fileName, IEnumerable<string>? leadingArguments = null)
    {
        FileName = string.IsNullOrWhiteSpace(fileName) ? throw new ArgumentException("An executable is needed.", nameof(fileName)) : fileName;
        LeadingArguments = leadingArguments?.ToList() ?? new List<string>();
    }

    /// <summary>The executable.</summary>
    public string FileName { get; }

    /// <summary>Arguments placed before PowerShell's.</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    /// <summary>
    /// The launcher for the PowerShell installed in <paramref name="psHome"/>: powershell.exe for Windows PowerShell;
    /// for PowerShell 7, the host that runs this process when it is <c>dotnet</c> (PowerShell as a .NET tool) with
    /// pwsh.dll, else the pwsh executable. Never the current process's executable as such, which may be Revit.
    /// </summary>
    public static PowerShellLauncher ForHome(string psHome, bool desktopEdition, string? currentProcessPath, Func<string, bool>? fileExists = null)
    {
        fileExists ??= System.IO.File.Exists;
        var windows = System.IO.Path.DirectorySeparatorChar == '\\';
        if (desktopEdition)
        {
            return new PowerShellLauncher(System.IO.Path.Combine(psHome, "powershell.exe"));
        }

        var host = currentProcessPath is null ? string.Empty : System.IO.Path.GetFileNameWithoutExtension(currentProcessPath);
        var dll = System.IO.Path.Combine(psHome, "pwsh.dll");
        if (string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase) && fileExists(dll))
        {
            return new PowerShellLauncher(currentProcessPath!, new[] { dll });
        }

        var executable = System.IO.Path.Combine(psHome, windows ? "pwsh.exe" : "pwsh");
        return fileExists(executable) ? new PowerShellLauncher(executable) : new PowerShellLauncher("dotnet", new[] { dll });
    }

    /// <summary>Start information for a non-interactive, profile-free PowerShell running <paramref name="script"/>.</summary>
    public ProcessStartInfo StartInfo(string script)
    {
        var encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(script ?? string.Empty));
        var arguments = LeadingArguments.Select(Quote)
            .Concat(new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded });
        return new ProcessStartInfo(FileName, string.Join(" ", arguments))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
    }

    /// <summary>A PowerShell string literal (single-quoted) of <paramref name="text"/>.</summary>
    public static string Literal(string text) => "'" + (text ?? string.Empty).Replace("'", "''") + "'";

    // Windows command-line quoting (which .NET also applies on Unix): quote when needed, double embedded quotes' backslashes.
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
        {
            return argument;
        }

        var text = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            text.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return text.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", FileName, string.Join(" ", LeadingArguments)).Trim();
}
