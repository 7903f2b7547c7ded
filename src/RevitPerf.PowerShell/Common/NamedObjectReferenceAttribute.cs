using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace RevitPerf.PowerShell;

/// <summary>
/// Lets a parameter that selects live objects by name (-CacheName, -Monitor, -Name) take the objects the cmdlets
/// return as well: each is turned into its name, escaped so that it matches that object only, never as a wildcard.
/// Types are named, not referenced, so that reading the attribute never loads RevitPerf.Core before the module's
/// dependency resolver is installed.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public abstract class NamedObjectReferenceAttribute : ArgumentTransformationAttribute
{
    private readonly Dictionary<string, string> _nameProperties = new(StringComparer.Ordinal);

    /// <summary>
    /// Accepts strings, and objects of the types named by their full names; an object's name is its Name property,
    /// or the property given after a bar ("RevitPerf.Core.Memory.MemoryReport|Monitor").
    /// </summary>
    protected NamedObjectReferenceAttribute(params string[] typeNames)
    {
        foreach (var entry in typeNames ?? Array.Empty<string>())
        {
            var parts = entry.Split('|');
            _nameProperties[parts[0]] = parts.Length > 1 ? parts[1] : "Name";
        }
    }

    /// <inheritdoc/>
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is IEnumerable items and not string)
        {
            return items.Cast<object?>().Select(One).ToArray();
        }

        return One(value) ?? inputData!;
    }

    private object? One(object? item)
    {
        var value = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (value is null || value is string || !_nameProperties.TryGetValue(value.GetType().FullName ?? string.Empty, out var property))
        {
            return item;
        }

        var name = value.GetType().GetProperty(property)?.GetValue(value) as string;
        return name is null ? item : Core.Kernel.WildcardMatcher.Escape(name);
    }
}
