using System;

namespace RevitPerf.Core.Pooling;

/// <summary>A pool was asked for under a name whose pool holds another type.</summary>
public sealed class PoolTypeMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for pool <paramref name="name"/>.</summary>
    public PoolTypeMismatchException(string name, Type existing, Type requested)
        : base($"The object pool '{name}' holds {existing?.FullName}, not {requested?.FullName}; use another name.")
    {
        PoolName = name;
    }

    /// <summary>The pool's name.</summary>
    public string PoolName { get; }
}
