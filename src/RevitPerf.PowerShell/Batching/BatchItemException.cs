using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace RevitPerf.PowerShell.Batching;

/// <summary>An item's terminating error, with the records it wrote before it (warnings, earlier errors) to replay.</summary>
internal sealed class BatchItemException : Exception
{
    public BatchItemException(Exception error, IReadOnlyList<Action<Cmdlet>> records)
        : base(error?.Message, error)
    {
        Records = records;
    }

    public IReadOnlyList<Action<Cmdlet>> Records { get; }

    /// <summary>The block's own error record, when it had one.</summary>
    public ErrorRecord? ErrorRecord => (InnerException as IContainsErrorRecord)?.ErrorRecord;
}
