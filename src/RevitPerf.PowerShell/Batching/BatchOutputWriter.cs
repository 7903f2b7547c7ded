using System;
using System.Collections.Generic;
using System.Management.Automation;
using RevitPerf.Core.Batching;

namespace RevitPerf.PowerShell.Batching;

/// <summary>Writes each finished item's records, output or row and error, in input order unless unordered.</summary>
internal sealed class BatchOutputWriter
{
    private readonly Cmdlet _cmdlet;
    private readonly Action<object> _writeRow;
    private readonly bool _unordered;
    private readonly bool _passThru;
    private readonly SortedDictionary<int, BatchItemResult<object?, BatchItemOutput>> _waiting = new();
    private readonly HashSet<Exception> _itemErrors = new();
    private int _next;

    public BatchOutputWriter(Cmdlet cmdlet, Action<object> writeRow, bool unordered, bool passThru)
    {
        _cmdlet = cmdlet;
        _writeRow = writeRow;
        _unordered = unordered;
        _passThru = passThru;
    }

    /// <summary>The exceptions of the items that failed (what their BatchItemFailed records wrap).</summary>
    public IReadOnlyCollection<Exception> ItemErrors => _itemErrors;

    public void Add(BatchItemResult<object?, BatchItemOutput> result)
    {
        if (_unordered)
        {
            Write(result);
            return;
        }

        _waiting[result.Index] = result;
        while (_waiting.TryGetValue(_next, out var ready))
        {
            _waiting.Remove(_next++);
            Write(ready);
        }
    }

    private void Write(BatchItemResult<object?, BatchItemOutput> result)
    {
        var records = result.Value?.Records ?? (result.Error as BatchItemException)?.Records ?? Array.Empty<Action<Cmdlet>>();
        foreach (var record in records)
        {
            record(_cmdlet);
        }

        if (result.Status is BatchItemStatus.Failed or BatchItemStatus.TimedOut)
        {
            _cmdlet.WriteError(ItemError(result));
        }

        if (_passThru)
        {
            _writeRow(result.ToSummary());
        }
        else if (result.Success)
        {
            foreach (var item in result.Value!.Output)
            {
                _cmdlet.WriteObject(item);
            }
        }
    }

    private ErrorRecord ItemError(BatchItemResult<object?, BatchItemOutput> result)
    {
        var target = result.Input is PSObject wrapped ? wrapped.BaseObject : result.Input;
        if (result.Status == BatchItemStatus.TimedOut)
        {
            return new ErrorRecord(
                new TimeoutException($"Item {result.Index} ({target}) timed out after {result.Attempts} attempt(s): {result.Error?.Message}", result.Error),
                ErrorIds.BatchItemTimedOut, ErrorCategory.OperationTimeout, result.Input);
        }

        var inner = result.Error is BatchItemException wrappedError ? wrappedError.InnerException ?? wrappedError : result.Error!;
        _itemErrors.Add(inner);
        if ((inner as IContainsErrorRecord)?.ErrorRecord.Exception is { } recorded)
        {
            _itemErrors.Add(recorded);
        }
        var category = (inner as IContainsErrorRecord)?.ErrorRecord.CategoryInfo.Category ?? ErrorCategory.InvalidOperation;
        return new ErrorRecord(
            new InvalidOperationException($"Item {result.Index} ({target}) failed after {result.Attempts} attempt(s): {inner.Message}", inner),
            ErrorIds.BatchItemFailed, category == ErrorCategory.NotSpecified ? ErrorCategory.InvalidOperation : category, result.Input);
    }
}
