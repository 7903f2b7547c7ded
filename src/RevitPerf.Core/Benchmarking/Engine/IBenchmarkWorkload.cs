namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// What a benchmark measures. The engine calls <see cref="Setup"/>, then <see cref="Run"/> many times (each call
/// performs the operation <c>invocations</c> times in a row and is timed as a whole), then <see cref="Validate"/>
/// and <see cref="Teardown"/> outside the timed window. A script-block workload lives in the cmdlet layer.
/// </summary>
public interface IBenchmarkWorkload
{
    /// <summary>Prepares the operation (not timed).</summary>
    void Setup();

    /// <summary>Performs the operation <paramref name="invocations"/> times (timed).</summary>
    void Run(long invocations);

    /// <summary>Checks the last result; returns null when it is right, otherwise why not (not timed).</summary>
    string? Validate();

    /// <summary>Cleans up (not timed; runs even after failures).</summary>
    void Teardown();
}
