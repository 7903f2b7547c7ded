using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core;
using RevitPerf.Core.Batching;
using RevitPerf.PowerShell.Batching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Runs a script block for every input object in batches: one after another on the caller's runspace by default (the
/// Revit API may only be called from Revit's thread), or with -Parallel on runspaces of its own, up to -ThrottleLimit
/// at once. Output comes in input order (or with -Unordered as it completes); a failing item is an error whose target
/// is the item, and the others go on.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitBatch")]
[OutputType(typeof(object))]
[OutputType(typeof(BatchItemSummary))]
public sealed class InvokeRevitBatchCommand : RevitPerfCmdlet
{
    /// <summary>The type name -PassThru rows carry.</summary>
    public const string ResultTypeName = "RevitPerf.BatchItemResult";

    private readonly List<object?> _items = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private NestedScriptRun? _current;

    /// <summary>The work: param($item) receives each input object, which is also $_; -ArgumentList values follow it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>The items, usually from the pipeline.</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Items per batch; a batch finishes before the next starts. By default batch_size_default.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int BatchSize { get; set; }

    /// <summary>With -Parallel, the most items running at once; by default max_worker_threads.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; }

    /// <summary>Runs items at once on runspaces of their own instead of one after another on the caller's.</summary>
    [Parameter]
    public SwitchParameter Parallel { get; set; }

    /// <summary>How long one attempt of an item may run, in seconds; it is then stopped and is a BatchItemTimedOut error.</summary>
    [Parameter]
    [ValidateRange(0.001, 86400)]
    public double TimeoutSeconds { get; set; }

    /// <summary>How many times a failed or timed-out item is run again.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int RetryCount { get; set; }

    /// <summary>Values passed to the block after the item.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[] ArgumentList { get; set; } = Array.Empty<object?>();

    /// <summary>With -Parallel, modules (names or paths) imported once into every runspace.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] ImportModule { get; set; } = Array.Empty<string>();

    /// <summary>With -Parallel, functions of this session defined once in every runspace.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] ImportFunction { get; set; } = Array.Empty<string>();

    /// <summary>Writes each item's output as it completes instead of in input order.</summary>
    [Parameter]
    public SwitchParameter Unordered { get; set; }

    /// <summary>Writes one flat row per item (Index, Success, Status, DurationMs, Attempts, Error) instead of its output.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord() => _items.Add(InputObject);

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_items.Count == 0)
        {
            return;
        }

        UsingVariables script;
        try
        {
            script = UsingVariables.Read(ScriptBlock, SessionState);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.BatchUsingVariableNotSet, ErrorCategory.InvalidArgument, ScriptBlock));
            return;
        }

        var configuration = RevitPerfOptimizer.CurrentConfiguration.Optimization;
        var options = BatchOptions.FromConfiguration(configuration);
        var bound = MyInvocation.BoundParameters;
        options.BatchSize = bound.ContainsKey(nameof(BatchSize)) ? BatchSize : configuration.BatchSizeDefault;
        options.MaxParallelism = Parallel ? Math.Min(_items.Count, bound.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : configuration.MaxWorkerThreads) : 1;
        options.ItemTimeout = bound.ContainsKey(nameof(TimeoutSeconds)) ? TimeSpan.FromSeconds(TimeoutSeconds) : null;
        options.RetryCount = RetryCount;
        if (!Parallel && (bound.ContainsKey(nameof(ThrottleLimit)) || ImportModule.Length > 0 || ImportFunction.Length > 0))
        {
            WriteVerbose("-ThrottleLimit, -ImportModule and -ImportFunction apply with -Parallel only: without it every item runs in this session.");
        }

        var progress = new BatchProgress(this, _items.Count);
        var writer = new BatchOutputWriter(this, row => WriteTyped(row, ResultTypeName), Unordered, PassThru);
        if (Parallel)
        {
            RunParallel(script, options, progress, writer);
        }
        else if (options.ItemTimeout is null && options.RetryCount == 0)
        {
            // The fast path: one steppable pipeline for the whole call.
            var arguments = ArgumentList ?? Array.Empty<object?>();
            using (var steppable = new SteppableBatchRun(this, SessionState, script.ForCaller(), arguments, script.Any ? script.Values : null, PassThru))
            {
                new BatchExecutor(options).Run(_items, (item, _) => steppable.Run(item), result =>
                {
                    writer.Add(result);
                    progress.Completed();
                }, _stop.Token);
            }

            PruneErrorVariable(writer.ItemErrors);
        }
        else
        {
            // Each item in a pipeline of its own, which a timeout can stop and whose output waits for success.
            var block = script.ForCaller();
            new BatchExecutor(options).Run(_items, (item, context) => RunHere(block, script, item, context), result =>
            {
                writer.Add(result);
                progress.Completed();
            }, _stop.Token);
        }

        progress.Done();
    }

    /// <inheritdoc/>
    protected override void StopProcessing()
    {
        _stop.Cancel();
        lock (_gate)
        {
            _current?.Stop();
        }
    }

    private BatchItemOutput RunHere(ScriptBlock block, UsingVariables script, object? item, BatchItemContext context)
    {
        // A run stopped for a timeout stays stopped: each item gets its own.
        using var run = new NestedScriptRun();
        lock (_gate)
        {
            _current = run;
        }

        try
        {
            using (context.Cancellation.Register(run.Stop))
            {
                var output = run.Run(block, new[] { item }.Concat(ArgumentList ?? Array.Empty<object?>()).ToArray(), item, hasInput: true, script.Any ? script.Values : null);
                return new BatchItemOutput(output, run.Records.ToList());
            }
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            throw new BatchItemException(ex, run.Records.ToList());
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
            }
        }
    }

    private void RunParallel(UsingVariables script, BatchOptions options, BatchProgress progress, BatchOutputWriter writer)
    {
        var functions = new List<FunctionInfo>();
        foreach (var name in ImportFunction)
        {
            if (SessionState.InvokeCommand.GetCommand(name, CommandTypes.Function) is not FunctionInfo function)
            {
                ThrowTerminatingError(NewError(
                    new ItemNotFoundException($"There is no function named '{name}' in this session to define in the runspaces."),
                    ErrorIds.BatchFunctionNotFound, ErrorCategory.ObjectNotFound, name));
                return;
            }

            functions.Add(function);
        }

        var modules = ImportModule.Select(ModuleReference).ToList();
        using var workers = new RunspaceBatchWorkers(options.MaxParallelism, modules, functions, script);
        try
        {
            workers.OpenFirst();
        }
        catch (Exception ex) when (ex is RuntimeException or IOException or InvalidOperationException)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.BatchRunspaceFailed, ErrorCategory.OpenError, ImportModule));
            return;
        }

        // Workers finish items on their threads; this thread writes everything, in order, as it arrives.
        var finished = new BlockingCollection<BatchItemResult<object?, BatchItemOutput>>();
        var arguments = ArgumentList ?? Array.Empty<object?>();
        var run = Task.Run(() =>
        {
            try
            {
                new BatchExecutor(options).Run(
                    _items, (item, context) => workers.Run(context.Worker, item, new[] { item }.Concat(arguments).ToArray(), context.Cancellation),
                    finished.Add, _stop.Token);
            }
            finally
            {
                finished.CompleteAdding();
            }
        });

        try
        {
            foreach (var result in finished.GetConsumingEnumerable(_stop.Token))
            {
                writer.Add(result);
                progress.Completed();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run cancels its items; wait for them so that no runspace is disposed under a running item.
        }

        run.GetAwaiter().GetResult();
    }

    // In the steppable pipeline an item's terminating error passes through this command on its way out, and PowerShell
    // records it in -ErrorVariable at every level it leaves; the item's BatchItemFailed record (with the item as its
    // target) says it all, so the copies of the error it wraps are taken out again.
    private void PruneErrorVariable(IReadOnlyCollection<Exception> itemErrors)
    {
        if (itemErrors.Count == 0 || !MyInvocation.BoundParameters.TryGetValue("ErrorVariable", out var bound) || bound is not string name)
        {
            return;
        }

        if (SessionState.PSVariable.GetValue(name.TrimStart('+')) is System.Collections.IList list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i] is ErrorRecord record && itemErrors.Contains(record.Exception))
                {
                    list.RemoveAt(i);
                }
            }
        }
    }

    private string ModuleReference(string module)
    {
        // A path is taken relative to PowerShell's location, not the process's; a bare name is looked up as usual.
        var looksLikePath = module.IndexOfAny(new[] { '/', '\\' }) >= 0 || module.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)
            || module.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || module.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        return looksLikePath && TryResolveFileSystemPath(module, out var resolved, out _) ? resolved : module;
    }
}
