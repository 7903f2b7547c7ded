using System.Management.Automation;

namespace RevitPerf.PowerShell.Batching;

/// <summary>A progress bar for batches of more than one item, updated at most every quarter second.</summary>
internal sealed class BatchProgress
{
    private readonly Cmdlet _cmdlet;
    private readonly int _total;
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private long _lastShown = -1;
    private int _done;

    public BatchProgress(Cmdlet cmdlet, int total)
    {
        _cmdlet = cmdlet;
        _total = total;
    }

    public void Completed()
    {
        _done++;
        if (_total < 2 || _watch.ElapsedMilliseconds - _lastShown < 250)
        {
            return;
        }

        _lastShown = _watch.ElapsedMilliseconds;
        _cmdlet.WriteProgress(new ProgressRecord(1, "Invoke-RevitBatch", $"{_done} of {_total} items")
        {
            PercentComplete = 100 * _done / _total,
        });
    }

    public void Done()
    {
        if (_lastShown >= 0)
        {
            _cmdlet.WriteProgress(new ProgressRecord(1, "Invoke-RevitBatch", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
