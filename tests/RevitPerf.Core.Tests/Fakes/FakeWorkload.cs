using System;
using System.Collections.Generic;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>
/// A workload whose every invocation takes <see cref="NanosPerInvocation"/> on the fake clock and allocates
/// <see cref="BytesPerInvocation"/>; it can fail chosen measured calls, and records what the engine asked of it.
/// </summary>
internal sealed class FakeWorkload : IBenchmarkWorkload
{
    private readonly ManualClock _clock;
    private readonly FakeAllocationProbe? _probe;

    public FakeWorkload(ManualClock clock, long nanosPerInvocation, FakeAllocationProbe? probe = null)
    {
        _clock = clock;
        NanosPerInvocation = nanosPerInvocation;
        _probe = probe;
    }

    public long NanosPerInvocation { get; set; }

    public long BytesPerInvocation { get; set; }

    public long RetainedBytesPerRun { get; set; }

    public HashSet<int> FailOnRun { get; } = new();

    public bool FailSetup { get; set; }

    public string? Invalid { get; set; }

    public List<long> Runs { get; } = new();

    public bool SetUp { get; private set; }

    public bool TornDown { get; private set; }

    public void Setup()
    {
        SetUp = true;
        if (FailSetup)
        {
            throw new InvalidOperationException("no model open");
        }
    }

    public void Run(long invocations)
    {
        Runs.Add(invocations);
        _clock.Timestamp += NanosPerInvocation * invocations;
        if (_probe is not null)
        {
            _probe.AllocatedBytes += BytesPerInvocation * invocations;
            _probe.ManagedHeapBytes += RetainedBytesPerRun;
        }

        if (FailOnRun.Contains(Runs.Count))
        {
            throw new InvalidOperationException("element was deleted");
        }
    }

    public string? Validate() => Invalid;

    public void Teardown() => TornDown = true;
}
