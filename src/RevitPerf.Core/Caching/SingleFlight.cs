using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Single-flight loading: concurrent misses on one key wait for the one load that runs, and all see its value or its
/// exception. A wait can be cancelled; a load that was itself cancelled (it threw an
/// <see cref="OperationCanceledException"/>) hands its key to the next caller instead of failing the waiters. A load
/// that asks for its own key, or loads that wait for each other across threads (runspaces), fail at once with
/// <see cref="CacheRecursionException"/> instead of waiting for good.
/// </summary>
internal sealed class SingleFlight
{
    // Which flight each thread is waiting for, for every cache of the process: a cycle may run through several caches.
    private static readonly ConcurrentDictionary<int, Flight> s_waiting = new();

    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="load"/> for <paramref name="key"/>, or waits for the run in progress.</summary>
    public object? Run(string key, Func<object?> load, CancellationToken cancellation = default)
    {
        while (true)
        {
            var flight = new Flight(key);
            var running = _flights.GetOrAdd(key, flight);
            if (ReferenceEquals(running, flight))
            {
                return Own(flight, key, load);
            }

            if (running.Wait(cancellation, out var value))
            {
                return value;
            }

            // The owner was cancelled (its pipeline stopped): try again, perhaps as the new owner.
            cancellation.ThrowIfCancellationRequested();
        }
    }

    private object? Own(Flight flight, string key, Func<object?> load)
    {
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
        private readonly string _key;
        private readonly int _owner = Environment.CurrentManagedThreadId;
        private object? _value;
        private ExceptionDispatchInfo? _error;

        public Flight(string key) => _key = key;

        public void Complete(object? value, Exception? error)
        {
            _value = value;
            _error = error is null ? null : ExceptionDispatchInfo.Capture(error);
            _done.Set();
        }

        /// <summary>Waits for the load: true with its value, false when the owner was cancelled; its error is rethrown.</summary>
        public bool Wait(CancellationToken cancellation, out object? value)
        {
            var me = Environment.CurrentManagedThreadId;
            if (_owner == me && !_done.IsSet)
            {
                throw new CacheRecursionException(_key);
            }

            s_waiting[me] = this;
            try
            {
                if (WaitCycle(me) is { } other)
                {
                    throw new CacheRecursionException(_key, other);
                }

                _done.Wait(cancellation);
            }
            finally
            {
                s_waiting.TryRemove(me, out _);
            }

            value = _value;
            if (_error?.SourceException is OperationCanceledException)
            {
                return false;
            }

            // Every waiter sees the load's own exception, as the caller that ran it does.
            _error?.Throw();
            return true;
        }

        // Follows "the owner of what I wait for waits for ..." until it comes back to this thread (a cycle: the key the
        // other side waits for is returned) or ends. Each step is a thread, so the walk is as long as the threads.
        private string? WaitCycle(int me)
        {
            var owner = _owner;
            for (var hops = 0; hops < 10_000; hops++)
            {
                if (!s_waiting.TryGetValue(owner, out var next) || next._done.IsSet)
                {
                    return null;
                }

                if (next._owner == me)
                {
                    return next._key;
                }

                owner = next._owner;
            }

            return null;
        }
    }
}
