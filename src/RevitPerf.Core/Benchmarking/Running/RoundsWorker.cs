using System;
using System.Collections.Generic;
using System.Threading;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// A parallel worker that measures its benchmark in several rounds, one after another, and reports them as one
/// measurement. A round that failed, timed out or started processes (see <see cref="BenchmarkSpec.SingleRound"/>)
/// is the last; the suite's deadline ends the rounds too.
/// </summary>
internal sealed class RoundsWorker : IBenchmarkWorker
{
    private readonly IBenchmarkWorker _inner;
    private readonly int _rounds;
    private readonly BenchmarkEngine _engine;

    public RoundsWorker(IBenchmarkWorker inner, int rounds, BenchmarkEngine engine)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _rounds = rounds;
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
    }

    public BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation)
    {
        var rounds = new List<BenchmarkMeasurement>(_rounds);
        do
        {
            var measurement = _inner.Measure(job, overrides, deadline, cancellation);
            rounds.Add(measurement);
            if (measurement.EndsRounds)
            {
                break;
            }
        }
        while (rounds.Count < _rounds && !_engine.IsPast(deadline));

        return BenchmarkMeasurement.Combine(rounds);
    }

    public void Dispose() => _inner.Dispose();
}
