using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Single-flight loading: concurrent misses on one key wait for the one load that runs, and all see its value or its
/// exception. A load that asks for its own key fails at once (<see cref="CacheRecursionException"/>).
/// </summary>
internal sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="load"/> for <paramref name="key"/>, or waits for the run in progress.</summary>
    public object? Run(string key, Func<object?> load)
    {
        var flight = new Flight();
        var running = _flights.GetOrAdd(key, flight);
        if (!ReferenceEquals(running, flight))
        {
            return running.Wait(key);
        }

        try
        {
            var value = load();
            flight.Complete(value, null);
            return value;
        }
        catch (Exception ex)
        {
            flight.Complete(null, ex);
            throw;
        }
        finally
        {
            _flights.TryRemove(key, out _);
        }
    }

    /// <summary>One load that concurrent misses on the same key wait for.</summary>
    private sealed class Flight
    {
        private readonly ManualResetEventSlim _done = new(false);
        private readonly int _ownerThread = Environment.CurrentManagedThreadId;
        private object? _value;
        private ExceptionDispatchInfo? _error;

        public void Complete(object? value, Exception? error)
        {
            _value = value;
            _error = error is null ? null : ExceptionDispatchInfo.Capture(error);
            _done.Set();
        }

        public object? Wait(string key)
        {
            if (_ownerThread == Environment.CurrentManagedThreadId && !_done.IsSet)
            {
                throw new CacheRecursionException(key);
            }

            _done.Wait();

            // Every waiter sees the load's own exception, as the caller that ran it does.
            _error?.Throw();
            return _value;
        }
    }
}
