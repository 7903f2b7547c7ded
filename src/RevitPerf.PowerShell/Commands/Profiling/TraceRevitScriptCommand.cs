using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RevitPerf.Core.Profiling;
using RevitPerf.PowerShell.Profiling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Profiles a script block or a script file line by line: runs it (once, or -Repeat times) as &amp; would, with its
/// output discarded, and returns the profile: duration, allocations, collections, the per-line table sorted by self
/// time and the per-function table. A terminating error of the code still returns the profile of what ran, then the
/// error.
/// </summary>
[Cmdlet(VerbsDiagnostic.Trace, "RevitScript", DefaultParameterSetName = ScriptBlockSet)]
[OutputType(typeof(ScriptProfile))]
public sealed class TraceRevitScriptCommand : RevitPerfCmdlet
{
    private const string ScriptBlockSet = "ScriptBlock";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The code to profile.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ScriptBlockSet)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>The script file to profile (wildcards allowed; they must name one file).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The script file to profile, taken as written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = string.Empty;

    /// <summary>Arguments passed to the script block or script.</summary>
    [Parameter]
    [Alias("Args")]
    public object?[] ArgumentList { get; set; } = Array.Empty<object?>();

    /// <summary>How many times to run the code; the times are summed over the runs.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Repeat { get; set; } = 1;

    /// <summary>How many lines the default view shows (RevitPy showed the top 20).</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Top { get; set; } = 20;

    protected override void EndProcessing()
    {
        if (ProfilingGate.Refusal() is { } refusal)
        {
            ThrowTerminatingError(refusal);
        }

        string? path = null;
        string? text = null;
        if (ParameterSetName != ScriptBlockSet)
        {
            var literal = ParameterSetName == LiteralPathSet;
            var given = literal ? LiteralPath : Path;
            var files = ResolveExistingFiles(new[] { given }, literal, f => File.Exists(f) ? new[] { f } : Array.Empty<string>(), p => NewError(
                new FileNotFoundException($"Cannot find the script '{p}'.", p), ErrorIds.ProfileScriptNotFound, ErrorCategory.ObjectNotFound, p));
            if (files.Count != 1)
            {
                if (files.Count > 1)
                {
                    ThrowTerminatingError(NewError(
                        new ArgumentException($"'{given}' names {files.Count} files; Trace-RevitScript profiles one script at a time."),
                        ErrorIds.ProfileScriptNotFound, ErrorCategory.InvalidArgument, given));
                }

                return;
            }

            path = files[0];
            text = File.ReadAllText(path);
        }

        ScriptProfile profile;
        RuntimeException? error;
        try
        {
            (profile, error) = ProfiledRun.Run(this, ParameterSetName == ScriptBlockSet ? ScriptBlock : null, path, text, ArgumentList ?? Array.Empty<object?>(), Repeat, Top);
        }
        catch (ParseException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.ProfileScriptInvalid, ErrorCategory.ParserError, (object?)path ?? ScriptBlock));
            return;
        }

        WriteObject(profile);
        if (error is not null)
        {
            // The code's own error, as & would have surfaced it; the profile above covers what ran until then.
            WriteError(error.ErrorRecord);
        }
    }
}
