using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace RevitPerf.PowerShell;

/// <summary>
/// Runs a user's script block as <c>&amp;</c> would, in a nested pipeline of the caller's runspace, so that its errors,
/// warnings, verbose, debug, information and progress records come back to the calling cmdlet, which writes them to its
/// own streams (2>$null, -ErrorVariable, -WarningAction and the like then apply). A stop of the caller stops the block,
/// which then ends with an <see cref="OperationCanceledException"/> (a cached operation then hands its key to the next
/// caller rather than failing it with this one's cancellation; a pooled object goes back to its pool).
/// </summary>
internal sealed class NestedScriptRun : IDisposable
{
    // The block runs in a child scope of the caller's scope, as & runs it. A nested pipeline writes warnings and
    // information to the host, not to its streams, so an advanced function around the block collects them in
    // variables (its -*Action SilentlyContinue keeps them off the host; the cmdlet writes them under the caller's
    // preferences). Verbose and debug records come back merged into the output; errors stay in the error stream.
    private const string Invoker = @"param($__RevitPerfBlock, $__RevitPerfArgs, $__RevitPerfWarnings, $__RevitPerfInformation, $__RevitPerfItem, $__RevitPerfHasItem, $__RevitPerfUsing)
function __RevitPerfInvoke {
    [CmdletBinding()] param($Block, $Arguments, $Item, $HasItem)
    if ($HasItem) { ,$Item | ForEach-Object { & $Block @Arguments } } else { & $Block @Arguments }
}
$__w = $__i = $null
try {
    __RevitPerfInvoke $__RevitPerfBlock $__RevitPerfArgs $__RevitPerfItem $__RevitPerfHasItem -WarningVariable __w -WarningAction SilentlyContinue -InformationVariable __i -InformationAction SilentlyContinue 4>&1 5>&1
}
finally {
    foreach ($__r in @($__w)) { [void]$__RevitPerfWarnings.Add($__r) }
    foreach ($__r in @($__i)) { [void]$__RevitPerfInformation.Add($__r) }
}";

    private readonly object _gate = new();
    private System.Management.Automation.PowerShell? _shell;
    private bool _stopped;

    /// <summary>The records the block wrote to its other streams, in the order of the streams.</summary>
    public List<Action<Cmdlet>> Records { get; } = new();

    /// <summary>
    /// Runs <paramref name="block"/> with <paramref name="arguments"/> and returns its output; with
    /// <paramref name="input"/> (a pipeline input object) the block sees it as <c>$_</c>, and a block rewritten by
    /// <see cref="UsingVariables"/> finds its <c>$using:</c> values in <paramref name="usingValues"/>.
    /// </summary>
    public IReadOnlyList<PSObject> Run(ScriptBlock block, object?[] arguments, object? input = null, bool hasInput = false, object? usingValues = null)
    {
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        lock (_gate)
        {
            if (_stopped)
            {
                throw new OperationCanceledException("The pipeline was stopped.");
            }

            _shell = shell;
        }

        var warnings = new List<object>();
        var information = new List<object>();
        try
        {
            var output = shell.AddScript(Invoker, useLocalScope: true)
                .AddArgument(block).AddArgument(arguments).AddArgument(warnings).AddArgument(information).AddArgument(input).AddArgument(hasInput || input is not null).AddArgument(usingValues)
                .Invoke();

            // A nested pipeline that is stopped may return what it had so far instead of throwing: that is no value.
            if (shell.InvocationStateInfo.State == PSInvocationState.Stopped || _stopped)
            {
                throw new OperationCanceledException("The pipeline was stopped.");
            }

            var data = new List<PSObject>(output.Count);
            foreach (var item in output)
            {
                switch (item?.BaseObject)
                {
                    case VerboseRecord verbose:
                        Records.Add(c => c.WriteVerbose(verbose.Message));
                        break;
                    case DebugRecord debug:
                        Records.Add(c => c.WriteDebug(debug.Message));
                        break;
                    default:
                        data.Add(item!);
                        break;
                }
            }

            Collect(warnings, information, shell.Streams);
            return data;
        }
        catch (PipelineStoppedException ex)
        {
            throw new OperationCanceledException("The pipeline was stopped.", ex);
        }
        catch (RuntimeException)
        {
            Collect(warnings, information, shell.Streams); // what it wrote before the terminating error still counts
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _shell = null;
            }
        }
    }

    /// <summary>Stops the block if it runs (from the cmdlet's StopProcessing, on another thread).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _shell?.BeginStop(null, null);
        }
    }

    public void Dispose() => Stop();

    private void Collect(List<object> warnings, List<object> information, PSDataStreams streams)
    {
        Records.AddRange(warnings.Select(Unwrapped).OfType<WarningRecord>().Select(r => (Action<Cmdlet>)(c => c.WriteWarning(r.Message))));
        Records.AddRange(information.Select(Unwrapped).OfType<InformationRecord>().Select(r => (Action<Cmdlet>)(c => c.WriteInformation(r))));
        Records.AddRange(streams.Error.Select(r => (Action<Cmdlet>)(c => c.WriteError(r))));
    }

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
