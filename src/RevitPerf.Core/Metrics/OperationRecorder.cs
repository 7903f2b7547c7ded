using System;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Metrics;

/// <summary>
/// One operation's figures. The newest durations are kept in a window that fills to RevitPy's 1,000 and is then cut
/// to the newest 500; count, failures, total and maximum run over every recording. Recording takes a short lock;
/// percentiles are computed by the reader from a copy, outside it.
/// </summary>
internal sealed class OperationRecorder
{
    private readonly object _gate = new();
    private readonly double[] _window;
    private readonly int _keep;
    private int _length;
    private long _count;
    private long _failures;
    private double _totalMs;
    private double _maxMs;
    private long _allocatedBytes;
    private bool _allocationsKnown;
    private DateTime _lastAt;

    public OperationRecorder(string name, int capacity, int keep)
    {
        Name = name;
        _window = new double[capacity];
        _keep = keep;
    }

    public string Name { get; }

    public (long Count, long Failures) Counts
    {
        get
        {
            lock (_gate)
            {
                return (_count, _failures);
            }
        }
    }

    public void Record(double milliseconds, bool succeeded, long? allocatedBytes, DateTime at)
    {
        lock (_gate)
        {
            if (_length == _window.Length)
            {
                // RevitPy's trim: at the cap the window keeps its newest part, so old figures stop weighing.
                Array.Copy(_window, _length - _keep, _window, 0, _keep);
                _length = _keep;
            }

            _window[_length++] = milliseconds;
            _count++;
            _totalMs += milliseconds;
            if (milliseconds > _maxMs)
            {
                _maxMs = milliseconds;
            }

            if (!succeeded)
            {
                _failures++;
            }

            if (allocatedBytes is { } bytes)
            {
                _allocatedBytes += bytes;
                _allocationsKnown = true;
            }

            _lastAt = at;
        }
    }

    public OperationStatistics Snapshot()
    {
        double[] copy;
        long count, failures, allocated;
        double total, max;
        bool allocationsKnown;
        DateTime lastAt;
        lock (_gate)
        {
            copy = new double[_length];
            Array.Copy(_window, copy, _length);
            count = _count;
            failures = _failures;
            total = _totalMs;
            max = _maxMs;
            allocated = _allocatedBytes;
            allocationsKnown = _allocationsKnown;
            lastAt = _lastAt;
        }

        Array.Sort(copy);
        double Pick(double fraction) => copy.Length == 0 ? 0 : Percentile.OfSorted(copy, fraction);
        return new OperationStatistics(
            Name, count, failures, count == 0 ? 0 : total / count, Pick(0.5), Pick(0.95), Pick(0.99), max, total,
            copy.Length, allocationsKnown ? allocated : null, lastAt);
    }
}
