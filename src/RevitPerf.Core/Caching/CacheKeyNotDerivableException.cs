using System;

namespace RevitPerf.Core.Caching;

/// <summary>No cache key can be derived from an operation's arguments: an explicit key is needed.</summary>
public sealed class CacheKeyNotDerivableException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public CacheKeyNotDerivableException(string message)
        : base(message)
    {
    }
}
