using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core.Caching;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Returns a script block's cached output, or runs it (once, however many runspaces ask at the same time),
/// caches all of its output and returns it exactly as the block would have.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RevitCachedOperation")]
[OutputType(typeof(object))]
public sealed class InvokeRevitCachedOperationCommand : RevitCacheCmdlet
{
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
        var key = Key ?? DeriveKey();
        var options = new CacheEntryOptions
        {
            TimeToLive = MyInvocation.BoundParameters.ContainsKey(nameof(TtlSeconds)) ? Ttl(TtlSeconds) : null,
            Dependencies = Dependency,
            Unwrap = Unwrap,
        };

        object? result;
        try
        {
            if (Force)
            {
                result = Run();
                cache.Set(key, result, options);
            }
            else
            {
                result = cache.GetOrAdd(key, _ => Run(), options);
            }
        }
        catch (RuntimeException ex)
        {
            // The block's own error, as if it had run without the cache; nothing was cached.
            ThrowTerminatingError(ex.ErrorRecord);
            return;
        }
        catch (CacheEntryTooLargeException ex)
        {
            ThrowTerminatingError(TooLargeError(ex));
            return;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("its own key"))
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.CacheRecursiveOperation, ErrorCategory.InvalidOperation, key));
            return;
        }

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

    private ScriptOutput Run()
    {
        // ScriptBlock.Invoke runs the block in a child scope of this runspace and keeps each output object as the
        // block wrote it (InvokeCommand.InvokeScript would unroll an array written as one object).
        var output = ScriptBlock.Invoke(ArgumentList ?? Array.Empty<object?>());
        return new ScriptOutput(output.ToArray());
    }

    private string DeriveKey()
    {
        try
        {
            return CacheKey.Derive(
                ScriptBlock.ToString(), ArgumentList, Unwrap, value => PSSerializer.Serialize(value, depth: 2));
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.CacheKeyNotDerivable, ErrorCategory.InvalidArgument, ArgumentList));
            return null!;
        }
    }

    /// <summary>All the output of one run, kept as the block wrote it (so one object stays one object).</summary>
    private sealed class ScriptOutput : IEnumerable
    {
        public ScriptOutput(IReadOnlyList<PSObject> items) => Items = items;

        public IReadOnlyList<PSObject> Items { get; }

        public IEnumerator GetEnumerator() => Items.GetEnumerator();

        public override string ToString() => Items.Count == 1
            ? Items[0]?.ToString() ?? string.Empty
            : "{" + string.Join(", ", Items.Take(5).Select(i => i?.ToString())) + (Items.Count > 5 ? ", ...}" : "}");
    }
}
