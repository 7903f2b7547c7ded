using System;
using System.Reflection;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// The object pools of one optimizer, by name. A pool created without a size of its own follows pool_max_size; every
/// pool follows enable_object_pooling. A pool that leaves the registry is emptied.
/// </summary>
public sealed class PoolRegistry : NamedRegistry<IObjectPool>
{
    private readonly object _gate = new();
    private readonly IClock? _clock;
    private int _maxSize;
    private bool _enabled;

    internal PoolRegistry(OptimizationConfig configuration, IClock? clock)
        : base("object pool", p => (p as IDisposable)?.Dispose())
    {
        _clock = clock;
        _maxSize = configuration.PoolMaxSize;
        _enabled = configuration.EnableObjectPooling;
    }

    /// <summary>Objects idle in all the pools together.</summary>
    public int AvailableCount
    {
        get
        {
            var count = 0;
            foreach (var pool in All)
            {
                count += pool.Available;
            }

            return count;
        }
    }

    /// <summary>
    /// The pool named <paramref name="name"/> (by default the full name of <typeparamref name="T"/>), created with
    /// <paramref name="factory"/> and <paramref name="reset"/> when there is none.
    /// </summary>
    /// <exception cref="PoolTypeMismatchException">A pool of that name holds another type.</exception>
    public RevitObjectPool<T> GetOrCreate<T>(Func<T> factory, Action<T>? reset = null, string? name = null, int? maxSize = null)
        where T : class
    {
        TryCreate(factory, reset, name, maxSize, out var pool);
        return pool;
    }

    /// <summary>
    /// Creates a pool; false when the name is taken, and then <paramref name="pool"/> is the existing one.
    /// <paramref name="maxSize"/> null: it follows pool_max_size.
    /// </summary>
    /// <exception cref="PoolTypeMismatchException">A pool of that name holds another type.</exception>
    public bool TryCreate<T>(Func<T> factory, Action<T>? reset, string? name, int? maxSize, out RevitObjectPool<T> pool)
        where T : class
    {
        lock (_gate)
        {
            var created = new RevitObjectPool<T>(factory, reset, name, maxSize ?? _maxSize, _clock)
            {
                FollowsConfiguration = maxSize is null,
                Enabled = _enabled,
            };
            if (TryAdd(created))
            {
                pool = created;
                return true;
            }

            TryGet(created.Name, out var existing);
            pool = existing as RevitObjectPool<T> ?? throw new PoolTypeMismatchException(created.Name, existing.ItemType, typeof(T));
            return false;
        }
    }

    /// <summary>
    /// Creates a pool of <paramref name="itemType"/> objects for a caller that knows the type only at run time (a
    /// script host): the factory's objects must be of that type. False when the name is taken, and then
    /// <paramref name="pool"/> is the existing one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="itemType"/> is a value type.</exception>
    /// <exception cref="PoolTypeMismatchException">A pool of that name holds another type.</exception>
    public bool TryCreate(Type itemType, Func<object> factory, Action<object>? reset, string? name, int? maxSize, out IObjectPool pool)
    {
        if (itemType is null)
        {
            throw new ArgumentNullException(nameof(itemType));
        }

        if (itemType.IsValueType || itemType.ContainsGenericParameters)
        {
            throw new ArgumentException($"A pool holds objects of a reference type; {itemType.FullName} is not one.", nameof(itemType));
        }

        var method = typeof(PoolRegistry).GetMethod(nameof(TryCreateUntyped), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(itemType);
        var arguments = new object?[] { factory ?? throw new ArgumentNullException(nameof(factory)), reset, name, maxSize, null };
        try
        {
            var created = (bool)method.Invoke(this, arguments)!;
            pool = (IObjectPool)arguments[4]!;
            return created;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Trims every pool; returns the idle objects dropped.</summary>
    public int TrimAll()
    {
        var dropped = 0;
        foreach (var pool in All)
        {
            dropped += pool.Trim();
        }

        return dropped;
    }

    private bool TryCreateUntyped<T>(Func<object> factory, Action<object>? reset, string? name, int? maxSize, out IObjectPool pool)
        where T : class
    {
        var poolName = string.IsNullOrWhiteSpace(name) ? typeof(T).FullName ?? typeof(T).Name : name!;
        T Create()
        {
            var made = factory();
            return made as T ?? throw new InvalidOperationException(
                $"The factory of object pool '{poolName}' made {(made is null ? "nothing (null)" : "a " + made.GetType().FullName)}, not a {typeof(T).FullName}.");
        }

        var created = TryCreate(Create, reset is null ? null : new Action<T>(item => reset(item)), poolName, maxSize, out var typed);
        pool = typed;
        return created;
    }

    internal void ApplyConfiguration(OptimizationConfig configuration)
    {
        lock (_gate)
        {
            _maxSize = configuration.PoolMaxSize;
            _enabled = configuration.EnableObjectPooling;
            foreach (var pool in All)
            {
                pool.Enabled = _enabled;
                if (pool.FollowsConfiguration && pool.MaxSize != _maxSize)
                {
                    pool.Resize(_maxSize);
                }
            }
        }
    }
}
