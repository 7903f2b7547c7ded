using System;
using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Borrows an object from a pool, runs a script block with it and gives it back, even when the block fails or the
/// pipeline is stopped; the block's output passes through. The pool is created on first use from -TypeName (or -Name
/// with -Factory).
/// </summary>
[Cmdlet(VerbsOther.Use, "RevitPooledObject")]
[OutputType(typeof(object))]
public sealed class UseRevitPooledObjectCommand : RevitPoolCmdlet
{
    private readonly object _gate = new();
    private NestedScriptRun? _run;
    private IObjectPool? _pool;

    /// <summary>The pool; with -Factory or -TypeName it is created when it does not exist (-Name or -TypeName is needed).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(PoolNameCompleter))]
    [PoolReference]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The type pooled; the pool is named after its full name unless -Name is given, and created when missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TypeName { get; set; }

    /// <summary>Makes a new object when the pool is created by this call; by default the type's constructor.</summary>
    [Parameter]
    public ScriptBlock? Factory { get; set; }

    /// <summary>Cleans a returned object when the pool is created by this call (param($obj)).</summary>
    [Parameter]
    public ScriptBlock? Reset { get; set; }

    /// <summary>The most idle objects kept, when the pool is created by this call; by default pool_max_size.</summary>
    [Parameter]
    [ValidateRange(1, 1000000)]
    public int MaxSize { get; set; }

    /// <summary>The work: param($obj) receives the borrowed object, and with pipeline input $_ is the input object.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>Each input object runs the block once with an object of its own borrowing, as $_.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var type = TypeName is null ? null : ResolvePoolType(TypeName, terminating: true);
        var name = Name ?? type?.FullName ?? ThrowNotNamed();
        _pool = FindPool(name);
        if (_pool is null)
        {
            if (Factory is null && type is null)
            {
                ThrowTerminatingError(PoolNotFoundError(name));
            }

            CreatePool(name, type, Factory, Reset, MyInvocation.BoundParameters.ContainsKey(nameof(MaxSize)) ? MaxSize : null, out _pool);
        }
        else if (type is not null && !type.IsAssignableFrom(_pool.ItemType))
        {
            ThrowTerminatingError(NewError(
                new PoolTypeMismatchException(_pool.Name, _pool.ItemType, type), ErrorIds.PoolTypeMismatch, ErrorCategory.InvalidArgument, name));
        }
        else if (Factory is not null || Reset is not null || MyInvocation.BoundParameters.ContainsKey(nameof(MaxSize)))
        {
            WriteVerbose($"The object pool '{_pool.Name}' exists: its own factory, reset and size apply, not those given here.");
        }
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var pool = _pool!;
        object item;
        try
        {
            item = pool.BorrowObject(pool.TrackLoans ? MyInvocation.PositionMessage.Trim() : null);
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            ThrowTerminatingError(NewError(
                new InvalidOperationException($"The factory of object pool '{pool.Name}' failed: {ex.Message}", ex), ErrorIds.PoolFactoryFailed, ErrorCategory.InvalidResult, pool.Name));
            return;
        }

        using var run = new NestedScriptRun();
        lock (_gate)
        {
            _run = run;
        }

        IReadOnlyList<PSObject> output;
        try
        {
            output = run.Run(ScriptBlock, new object?[] { item }, InputObject);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            Replay(run);
            GiveBack(pool, item);
            ThrowTerminatingError(ex.ErrorRecord);
            return;
        }
        catch (OperationCanceledException)
        {
            GiveBack(pool, item);
            throw new PipelineStoppedException();
        }
        catch
        {
            GiveBack(pool, item);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _run = null;
            }
        }

        Replay(run);
        GiveBack(pool, item);
        foreach (var value in output)
        {
            WriteObject(value);
        }
    }

    /// <inheritdoc/>
    protected override void StopProcessing()
    {
        lock (_gate)
        {
            _run?.Stop();
        }
    }

    private void GiveBack(IObjectPool pool, object item)
    {
        if (pool.ReturnObject(item, out var resetError) == ReturnOutcome.ResetFailed && !Stopping)
        {
            WriteError(NewError(
                new InvalidOperationException($"The reset of object pool '{pool.Name}' failed, so the object was discarded, not pooled: {resetError!.Message}", resetError),
                ErrorIds.PoolResetFailed, ErrorCategory.InvalidResult, item));
        }
    }

    private void Replay(NestedScriptRun run)
    {
        foreach (var write in run.Records)
        {
            write(this);
        }

        run.Records.Clear();
    }
}
