using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>A workload made of delegates: the built-in suites' operations, and a handy one for tests.</summary>
public sealed class DelegateWorkload : IBenchmarkWorkload
{
    private readonly Action<long> _run;
    private readonly Action? _setup;
    private readonly Action? _teardown;
    private readonly Func<string?>? _validate;

    /// <summary>
    /// Creates a workload. <paramref name="run"/> performs the operation the given number of times in a row; the
    /// others are optional and run outside the timed window.
    /// </summary>
    public DelegateWorkload(Action<long> run, Action? setup = null, Action? teardown = null, Func<string?>? validate = null)
    {
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _setup = setup;
        _teardown = teardown;
        _validate = validate;
    }

    /// <summary>A workload that does nothing: the overhead twin of a delegate workload.</summary>
    public static DelegateWorkload Empty() => new(_ => { });

    /// <inheritdoc/>
    public void Setup() => _setup?.Invoke();

    /// <inheritdoc/>
    public void Run(long invocations) => _run(invocations);

    /// <inheritdoc/>
    public string? Validate() => _validate?.Invoke();

    /// <inheritdoc/>
    public void Teardown() => _teardown?.Invoke();
}
