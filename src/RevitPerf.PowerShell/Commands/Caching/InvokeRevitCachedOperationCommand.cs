using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Caching;
using RevitPerf.PowerShell.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Returns a script block's cached output, or runs it (once, however many runspaces ask at the same time),
/// caches all of its output and returns it exactly as the block would have.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitCachedOperation")]
[OutputType(typeof(object))]
public sealed class InvokeRevitCachedOperationCommand : RevitCacheCmdlet
{
    private readonly System.Threading.CancellationTokenSource _cancellation = new();
    private NestedScriptRun? _run;

    /// <summary>The operation.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>The cache key; by default derived from the block's text and the arguments.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    /// <summary>Arguments for the block ($args), part of the derived key.</summary>
    [Parameter]
    [Alias("Args")]
    [AllowNull]
    [AllowEmptyCollection]
    public object?[]? ArgumentList { get; set; }

    /// <summary>The entry's time-to-live in seconds; by default the cache's.</summary>
    [Parameter]
    [ValidateRange(0.001, 315360000)]
    public double TtlSeconds { get; set; }

    /// <summary>Tags (or other keys) the result depends on.</summary>
    [Parameter]
    [ValidateNotNull]
    public string[]? Dependency { get; set; }

    /// <summary>The cache to use.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string CacheName { get; set; } = RevitCache.DefaultName;

    /// <summary>Run the block even if a result is cached, and replace it.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var cache = GetCacheOrThrow(CacheName);
        var canonical = Key is null ? Canonical() : null;
        var key = Key ?? CacheKey.FromCanonical(canonical!);
        var options = new CacheEntryOptions
        {
            TimeToLive = MyInvocation.BoundParameters.ContainsKey(nameof(TtlSeconds)) ? Ttl(TtlSeconds) : null,
            Dependencies = Dependency,
            Unwrap = Unwrap,
        };

        using var run = new NestedScriptRun();
        _run = run;
        object? result;
        try
        {
            if (Force)
            {
                result = Run(run, canonical, options);
                cache.Set(key, result, options);
            }
            else
            {
                result = cache.GetOrAdd(key, _ => Run(run, canonical, options), options, _cancellation.Token);
                if (result is ScriptOutput { Canonical: { } stored } && canonical is not null && stored != canonical)
                {
                    // Two different calls whose canonical forms hash alike: run this one, cache nothing.
                    WriteWarning($"The derived key {key} also belongs to another call; this one ran without the cache.");
                    result = Run(run, canonical, null);
                }
            }
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            // The block's own error, as if it had run without the cache; nothing was cached.
            Replay(run);
            ThrowTerminatingError(ex.ErrorRecord);
            return;
        }
        catch (OperationCanceledException) when (Stopping)
        {
            throw new PipelineStoppedException();
        }
        catch (CacheEntryTooLargeException ex)
        {
            ThrowTerminatingError(TooLargeError(ex));
            return;
        }
        catch (CacheRecursionException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.CacheRecursiveOperation, ErrorCategory.InvalidOperation, key));
            return;
        }
        finally
        {
            _run = null;
        }

        // A hit replays nothing: the records belong to the run that computed the value.
        Replay(run);
        if (result is ScriptOutput output)
        {
            foreach (var item in output.Items)
            {
                WriteObject(item);
            }
        }
        else
        {
            // A value stored by Set-RevitCacheEntry under this key comes back as the one object it was.
            WriteObject(result);
        }
    }

    /// <inheritdoc/>
    protected override void StopProcessing()
    {
        _cancellation.Cancel();
        _run?.Stop();
    }

    private ScriptOutput Run(NestedScriptRun run, string? canonical, CacheEntryOptions? options)
    {
        var output = new ScriptOutput(run.Run(ScriptBlock, ArgumentList ?? Array.Empty<object?>()), canonical);
        if (options is not null)
        {
            // The canonical form kept for the collision check counts against the budget with the output.
            options.SizeBytes = SizeEstimator.Estimate(output, Unwrap) + System.Text.Encoding.UTF8.GetByteCount(canonical ?? string.Empty);
        }

        return output;
    }

    private void Replay(NestedScriptRun run)
    {
        foreach (var write in run.Records)
        {
            write(this);
        }

        run.Records.Clear();
    }

    private string Canonical()
    {
        try
        {
            return CacheKey.Canonical(ScriptBlock.ToString(), ArgumentList, Unwrap);
        }
        catch (CacheKeyNotDerivableException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.CacheKeyNotDerivable, ErrorCategory.InvalidArgument, ArgumentList));
            return null!;
        }
    }
}
