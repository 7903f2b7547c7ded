namespace RevitPerf.Core.Kernel;

/// <summary>Something a <see cref="NamedRegistry{T}"/> keeps by name: a cache, a monitor, a pool.</summary>
public interface INamedObject
{
    /// <summary>The name, unique in its registry (compared without regard to case).</summary>
    string Name { get; }
}
