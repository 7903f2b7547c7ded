using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// One benchmark of a run: its suite and name, and what a worker needs to measure it: a built-in
/// <see cref="BenchmarkSpec"/>, or a payload of the worker's own (a script-block definition, say).
/// </summary>
public sealed class BenchmarkJob
{
    /// <summary>A job that measures <paramref name="spec"/> as it is.</summary>
    public BenchmarkJob(BenchmarkSpec spec)
        : this((spec ?? throw new ArgumentNullException(nameof(spec))).Suite, spec.Name, spec)
    {
    }

    /// <summary>A job of benchmark <paramref name="name"/> in <paramref name="suite"/> with a worker's own payload.</summary>
    public BenchmarkJob(string suite, string name, object payload)
    {
        Suite = suite ?? string.Empty;
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A benchmark needs a name.", nameof(name)) : name;
        Payload = payload ?? throw new ArgumentNullException(nameof(payload));
    }

    /// <summary>The suite.</summary>
    public string Suite { get; }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>Suite/Name, as progress and warnings name it.</summary>
    public string Label => Suite + "/" + Name;

    /// <summary>What the worker measures: a <see cref="BenchmarkSpec"/> or its own kind of definition.</summary>
    public object Payload { get; }

    /// <inheritdoc/>
    public override string ToString() => Label;
}
