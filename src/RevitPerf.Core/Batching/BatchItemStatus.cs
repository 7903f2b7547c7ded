namespace RevitPerf.Core.Batching;

/// <summary>How one item of a batch run ended.</summary>
public enum BatchItemStatus
{
    /// <summary>The operation returned a value.</summary>
    Succeeded,

    /// <summary>The operation threw (on every attempt).</summary>
    Failed,

    /// <summary>The operation ran past the item timeout (on every attempt); its token was canceled at the deadline.</summary>
    TimedOut,

    /// <summary>The run was canceled before the item finished, or before it started.</summary>
    Canceled,
}
