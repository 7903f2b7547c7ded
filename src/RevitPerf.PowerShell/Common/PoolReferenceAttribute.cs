namespace RevitPerf.PowerShell;

/// <summary>Takes object pools' statistics and loans (PoolStatistics, PoolLoan) as the pools' names.</summary>
public sealed class PoolReferenceAttribute : NamedObjectReferenceAttribute
{
    /// <summary>Creates the attribute.</summary>
    public PoolReferenceAttribute()
        : base("RevitPerf.Core.Pooling.PoolStatistics", "RevitPerf.Core.Pooling.PoolLoan|Pool")
    {
    }
}
