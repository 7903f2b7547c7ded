using System;
using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Pooling;

namespace RevitPerf.PowerShell.Commands;

/// <summary>What the object pool cmdlets share: finding pools by name, and pools whose factory and reset are scripts.</summary>
public abstract class RevitPoolCmdlet : RevitPerfCmdlet
{
    /// <summary>The type name pool statistics carry for views and PSTypeName checks.</summary>
    public const string StatisticsTypeName = "RevitPerf.PoolStatistics";

    /// <summary>The type name loans carry.</summary>
    public const string LoanTypeName = "RevitPerf.PoolLoan";

    private const string PoolHint = "Get-RevitObjectPool lists them; New-RevitObjectPool creates one.";

    /// <summary>The pools of the process-wide optimizer.</summary>
    private protected static PoolRegistry Pools => RevitPerfOptimizer.Current.Pools;

    /// <summary>The pool named exactly <paramref name="name"/> (or given as a pool object), or null.</summary>
    private protected static IObjectPool? FindPool(string name)
    {
        // A pool object passed to a single-name parameter arrives as its escaped name (see PoolReferenceAttribute).
        return Pools.TryGet(name, out var pool)
            || (!WildcardMatcher.HasWildcards(name) && Pools.TryGet(new WildcardMatcher(name, ignoreCase: true).Literal, out pool))
            ? pool
            : null;
    }

    /// <summary>
    /// The pools matching each name or wildcard, in order, each once. A name without wildcards that matches no pool
    /// is a non-terminating PoolNotFound error.
    /// </summary>
    private protected IReadOnlyList<IObjectPool> FindPools(IEnumerable<string> names) =>
        Selection.Select(Pools, names, WriteError, ErrorIds.PoolNotFound, PoolHint);

    /// <summary>The error for a pool name that names no pool.</summary>
    private protected static ErrorRecord PoolNotFoundError(string name) => NewError(
        new ItemNotFoundException($"There is no object pool named '{name}'. {PoolHint}"), ErrorIds.PoolNotFound, ErrorCategory.ObjectNotFound, name);

    /// <summary>Throws the terminating PoolNotNamed error: neither -Name nor -TypeName was given.</summary>
    private protected string ThrowNotNamed()
    {
        ThrowTerminatingError(NewError(
            new ArgumentException("Name the pool with -Name, or give its type with -TypeName (the pool is then named after the type's full name)."),
            ErrorIds.PoolNotNamed, ErrorCategory.InvalidArgument, null));
        return null!;
    }

    /// <summary>The type <paramref name="typeName"/> names, or null after writing the PoolTypeInvalid error (terminating or not).</summary>
    private protected Type? ResolvePoolType(string typeName, bool terminating)
    {
        string? problem = null;
        if (!LanguagePrimitives.TryConvertTo(typeName.Trim().TrimStart('[').TrimEnd(']'), out Type? type) || type is null)
        {
            problem = $"There is no type named '{typeName}' in this session.";
        }
        else if (type.IsValueType || type.ContainsGenericParameters || type.IsAbstract && !type.IsInterface && type.IsSealed)
        {
            problem = $"Objects of {type.FullName} cannot be pooled: a pool holds objects of a class (not a value or static type).";
        }

        if (problem is null)
        {
            return type;
        }

        var error = NewError(new ArgumentException(problem), ErrorIds.PoolTypeInvalid, ErrorCategory.InvalidArgument, typeName);
        if (terminating)
        {
            ThrowTerminatingError(error);
        }

        WriteError(error);
        return null;
    }

    /// <summary>
    /// Creates a pool of <paramref name="type"/> (object when null) named <paramref name="name"/> whose factory is
    /// <paramref name="factory"/> or, without one, the type's constructor without parameters; false, and the existing
    /// pool, when the name is taken. Errors are terminating.
    /// </summary>
    private protected bool CreatePool(string? name, Type? type, ScriptBlock? factory, ScriptBlock? reset, int? maxSize, out IObjectPool pool)
    {
        var itemType = type ?? typeof(object);
        var poolName = string.IsNullOrWhiteSpace(name) ? itemType.FullName! : name!;
        Func<object> create;
        if (factory is not null)
        {
            var script = new ScriptCallback(factory);
            create = () => Made(script.Invoke(), poolName);
        }
        else if (type is not null && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            create = () => Activator.CreateInstance(type)!;
        }
        else
        {
            ThrowTerminatingError(NewError(
                new ArgumentException($"The object pool '{poolName}' needs a -Factory: {(type is null ? "without -TypeName there is no type to construct" : $"{type.FullName} has no public constructor without parameters")}."),
                ErrorIds.PoolFactoryMissing, ErrorCategory.InvalidArgument, poolName));
            pool = null!;
            return false;
        }

        Action<object>? clean = null;
        if (reset is not null)
        {
            var script = new ScriptCallback(reset);
            clean = item => script.Invoke(item);
        }

        try
        {
            return Pools.TryCreate(itemType, create, clean, poolName, maxSize, out pool);
        }
        catch (PoolTypeMismatchException ex)
        {
            ThrowTerminatingError(NewError(ex, ErrorIds.PoolTypeMismatch, ErrorCategory.InvalidArgument, poolName));
            pool = null!;
            return false;
        }
    }

    // A factory's output: one object, kept as PowerShell gave it only when the wrapper is the object (PSCustomObject).
    private static object Made(System.Collections.ObjectModel.Collection<PSObject> output, string pool)
    {
        if (output.Count != 1 || output[0] is null)
        {
            // PowerShell unrolls a collection written to the pipeline: an empty list outputs nothing, a full one its items.
            throw new InvalidOperationException(
                $"The factory of object pool '{pool}' must output exactly one object; it output {output.Count}. To make a collection, output it whole with the comma operator: {{ ,[System.Collections.Generic.List[int]]::new() }}.");
        }

        return output[0].BaseObject is PSCustomObject ? output[0] : output[0].BaseObject;
    }
}
