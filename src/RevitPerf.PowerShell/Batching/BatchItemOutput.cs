using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace RevitPerf.PowerShell.Batching;

/// <summary>What one item of Invoke-RevitBatch wrote: its output and its other streams' records, to replay in order.</summary>
internal sealed class BatchItemOutput
{
    public BatchItemOutput(IReadOnlyList<PSObject> output, IReadOnlyList<Action<Cmdlet>> records)
    {
        Output = output;
        Records = records;
    }

    public IReadOnlyList<PSObject> Output { get; }

    public IReadOnlyList<Action<Cmdlet>> Records { get; }
}
