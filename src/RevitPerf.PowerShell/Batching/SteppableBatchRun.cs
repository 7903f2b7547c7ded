using System;
using System.Management.Automation;

namespace RevitPerf.PowerShell.Batching;

/// <summary>
/// The fast sequential path of Invoke-RevitBatch: one steppable pipeline (ForEach-Object) for the whole call, begun
/// on the cmdlet, so each item costs a step instead of a pipeline of its own. Output and streams go straight to the
/// cmdlet's, in order, and the block sees the item as <c>$_</c> as it would under ForEach-Object; an item's terminating
/// error ends that pipeline and is handed back, and the next item gets a new one. (Timeouts and retries need an item that can be stopped
/// alone and whose output waits for success: they take <see cref="NestedScriptRun"/>.) Each item runs in a scope of its
/// own, as with -Parallel.
/// </summary>
/// <remarks>
/// ForEach-Object runs its block in the caller's scope, so the few values the block needs are set there, under names
/// unique to this call, and removed when the call ends.
/// </remarks>
internal sealed class SteppableBatchRun : IDisposable
{
    private readonly Cmdlet _cmdlet;
    private readonly SessionState _caller;
    private readonly string _prefix = "__RevitPerfBatch" + Guid.NewGuid().ToString("N");
    private readonly ScriptBlock _process;
    private readonly bool _quiet;
    private SteppablePipeline? _pipeline;

    public SteppableBatchRun(Cmdlet cmdlet, SessionState caller, ScriptBlock block, object?[] arguments, object? usingValues, bool quiet)
    {
        _cmdlet = cmdlet;
        _caller = caller;
        _quiet = quiet;
        Set(_prefix + "Block", block);
        Set(_prefix + "Args", arguments);
        // Not private: the block, in a scope of its own below this one, reads it.
        _caller.PSVariable.Set(new PSVariable(UsingVariables.DictionaryName, usingValues));
        _process = caller.InvokeCommand.NewScriptBlock($"& ${_prefix}Block $_ @{_prefix}Args");
    }

    /// <summary>Runs the block for <paramref name="item"/>; throws its terminating error, if it had one.</summary>
    public BatchItemOutput Run(object? item)
    {
        var pipeline = _pipeline ??= Begin();
        try
        {
            pipeline.Process(item);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            // A terminating error ends the pipeline it ran in: the next item gets a new one.
            End();
            throw new BatchItemException(ex, Array.Empty<Action<Cmdlet>>());
        }

        return new BatchItemOutput(Array.Empty<PSObject>(), Array.Empty<Action<Cmdlet>>());
    }

    public void Dispose()
    {
        try
        {
            End();
        }
        finally
        {
            _caller.PSVariable.Remove(_prefix + "Block");
            _caller.PSVariable.Remove(_prefix + "Args");
            _caller.PSVariable.Remove(UsingVariables.DictionaryName);
        }
    }

    private SteppablePipeline Begin()
    {
        var pipeline = ScriptBlock.Create(_quiet ? "param($process) ForEach-Object -Process $process | Out-Null" : "param($process) ForEach-Object -Process $process")
            .GetSteppablePipeline(CommandOrigin.Internal, new object[] { _process });
        pipeline.Begin(_cmdlet);
        return pipeline;
    }

    private void End()
    {
        var pipeline = _pipeline;
        _pipeline = null;
        if (pipeline is null)
        {
            return;
        }

        try
        {
            pipeline.End();
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            // A pipeline a terminating error ended has nothing left to end.
        }
        finally
        {
            pipeline.Dispose();
        }
    }

    private void Set(string name, object? value) => _caller.PSVariable.Set(new PSVariable(name, value, ScopedItemOptions.Private));
}
