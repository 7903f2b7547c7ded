using System;

namespace RevitPerf.Core.Storage;

/// <summary>A store could not publish or read; the message names the store as <see cref="IResultsStore.Description"/> does, never a password.</summary>
public sealed class ResultsStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultsStoreException(ResultsStoreFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    /// <summary>Why.</summary>
    public ResultsStoreFailure Failure { get; }
}
