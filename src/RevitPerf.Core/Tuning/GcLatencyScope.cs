using System;
using System.Runtime;

namespace RevitPerf.Core.Tuning;

/// <summary>
/// GC tuning where .NET allows it (gc_optimization_enabled; RevitPy's was a no-op): while benchmarks run the process
/// uses <see cref="GCLatencyMode.SustainedLowLatency"/>, which avoids blocking full collections (so fewer samples
/// carry a pause), and the mode it had is restored when the last run ends. Runs in several runspaces at once share
/// one scope, so none restores the mode under another.
/// </summary>
internal sealed class GcLatencyScope : IDisposable
{
    private static readonly object s_gate = new();
    private static int s_active;
    private static GCLatencyMode s_saved;
    private bool _disposed;

    private GcLatencyScope()
    {
    }

    /// <summary>Enters the scope when <paramref name="enabled"/>; otherwise returns null and changes nothing.</summary>
    public static GcLatencyScope? Enter(bool enabled)
    {
        if (!enabled)
        {
            return null;
        }

        lock (s_gate)
        {
            if (s_active++ == 0)
            {
                s_saved = GCSettings.LatencyMode;
                GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
            }
        }

        return new GcLatencyScope();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (s_gate)
        {
            if (--s_active == 0)
            {
                GCSettings.LatencyMode = s_saved;
            }
        }
    }
}
