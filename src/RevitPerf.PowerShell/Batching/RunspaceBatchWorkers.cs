using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace RevitPerf.PowerShell.Batching;

/// <summary>
/// The runspaces of Invoke-RevitBatch -Parallel: one per worker, opened once per call with the listed modules and
/// functions imported once, then used for every item that worker runs. Each item runs as <c>&amp;</c> would run it,
/// with the item as its first argument and as <c>$_</c>; a stop or timeout stops the item's pipeline.
/// </summary>
internal sealed class RunspaceBatchWorkers : IDisposable
{
    private const string Invoker = @"param($__RevitPerfBlock, $__RevitPerfItem, $__RevitPerfArgs, $__RevitPerfUsing)
,$__RevitPerfItem | ForEach-Object { & $__RevitPerfBlock $__RevitPerfItem @__RevitPerfArgs }";

    private readonly InitialSessionState _state;
    private readonly UsingVariables _script;
    private readonly Runspace?[] _runspaces;
    private readonly ScriptBlock?[] _blocks;
    private int _disposed;

    public RunspaceBatchWorkers(int workers, IEnumerable<string> modules, IEnumerable<FunctionInfo> functions, UsingVariables script)
    {
        _script = script;
        _runspaces = new Runspace?[workers];
        _blocks = new ScriptBlock?[workers];
        _state = InitialSessionState.CreateDefault2();
        _state.ThrowOnRunspaceOpenError = true;
        var moduleList = modules.ToArray();
        if (moduleList.Length > 0)
        {
            _state.ImportPSModule(moduleList);
        }

        foreach (var function in functions)
        {
            _state.Commands.Add(new SessionStateFunctionEntry(function.Name, function.Definition));
        }
    }

    /// <summary>Opens worker 0's runspace now, so that a module that cannot be imported fails the call at once.</summary>
    public void OpenFirst() => RunspaceOf(0);

    /// <summary>Runs the block for <paramref name="item"/> in <paramref name="worker"/>'s runspace (only that worker's thread calls this).</summary>
    public BatchItemOutput Run(int worker, object? item, object?[] arguments, CancellationToken cancellation)
    {
        var runspace = RunspaceOf(worker);
        var block = _blocks[worker] ??= ScriptBlock.Create(_script.Text);
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(Invoker).AddArgument(block).AddArgument(item).AddArgument(arguments).AddArgument(_script.Values);
        using (cancellation.Register(() => shell.BeginStop(null, null)))
        {
            try
            {
                var output = shell.Invoke();
                cancellation.ThrowIfCancellationRequested();
                return new BatchItemOutput(output.ToList(), Records(shell.Streams));
            }
            catch (Exception ex) when (ex is RuntimeException && ex is not PipelineStoppedException)
            {
                throw new BatchItemException(ex, Records(shell.Streams));
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var runspace in _runspaces)
        {
            runspace?.Dispose();
        }
    }

    private Runspace RunspaceOf(int worker)
    {
        if (_runspaces[worker] is { } open)
        {
            return open;
        }

        // No host of the caller's: Write-Host then lands in the information stream, which is replayed in order on the
        // caller's thread instead of reaching the console from several threads at once.
        var runspace = RunspaceFactory.CreateRunspace(_state);
        runspace.Open();
        _runspaces[worker] = runspace;
        return runspace;
    }

    private static List<Action<Cmdlet>> Records(PSDataStreams streams)
    {
        var records = new List<Action<Cmdlet>>();
        records.AddRange(streams.Warning.Select(r => (Action<Cmdlet>)(c => c.WriteWarning(r.Message))));
        records.AddRange(streams.Verbose.Select(r => (Action<Cmdlet>)(c => c.WriteVerbose(r.Message))));
        records.AddRange(streams.Debug.Select(r => (Action<Cmdlet>)(c => c.WriteDebug(r.Message))));
        records.AddRange(streams.Information.Select(r => (Action<Cmdlet>)(c => c.WriteInformation(r))));
        records.AddRange(streams.Error.Select(r => (Action<Cmdlet>)(c => c.WriteError(r))));
        return records;
    }
}
