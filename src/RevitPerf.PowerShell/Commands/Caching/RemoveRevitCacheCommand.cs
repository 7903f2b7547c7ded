using System;
using System.Management.Automation;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.PowerShell.Commands;

/// <summary>Removes named caches and their entries; the default cache stays.</summary>
[Cmdlet(VerbsCommon.Remove, "RevitCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CacheInfo))]
public sealed class RemoveRevitCacheCommand : RevitCacheCmdlet
{
    /// <summary>Names of caches to remove; wildcards match.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CacheNameCompleter))]
    [CacheReference]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Return each removed cache as it was just before removal.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            var literal = !WildcardMatcher.HasWildcards(name);
            foreach (var cache in FindCaches(new[] { name }))
            {
                if (string.Equals(cache.Name, RevitCache.DefaultName, StringComparison.OrdinalIgnoreCase))
                {
                    // A wildcard such as * means "the named caches"; naming the default cache is an error.
                    if (literal)
                    {
                        WriteError(NewError(
                            new InvalidOperationException($"The default cache '{cache.Name}' cannot be removed; Clear-RevitCache empties it."),
                            ErrorIds.CacheNotRemovable, ErrorCategory.InvalidOperation, name));
                    }

                    continue;
                }

                if (ShouldProcess(cache.Name, "Remove cache"))
                {
                    var info = cache.GetInfo();
                    Caches.TryRemove(cache.Name, out _);
                    cache.Clear();
                    if (PassThru)
                    {
                        WriteObject(info);
                    }
                }
            }
        }
    }
}
