namespace RevitPerf.Core.Storage;

/// <summary>Why a store could not do what was asked.</summary>
public enum ResultsStoreFailure
{
    /// <summary>The server (or share) cannot be reached, or went away mid-way.</summary>
    Unreachable,

    /// <summary>The server refused the credentials.</summary>
    AuthenticationFailed,

    /// <summary>The role may not read or write the tables (or create them on first use).</summary>
    PermissionDenied,

    /// <summary>The database does not exist.</summary>
    NotFound,

    /// <summary>The store's schema is newer than this RevitPerf knows.</summary>
    SchemaTooNew,

    /// <summary>Anything else the server said.</summary>
    Failed,
}
