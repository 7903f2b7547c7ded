using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using RevitPerf.Core.Memory;

namespace RevitPerf.PowerShell.Memory;

/// <summary>
/// The -Action subscriptions of memory monitors, with the runspace each belongs to. A subscription ends when its
/// monitor stops (from whichever runspace stops it) and when its runspace removes the module, so that a stale action
/// never fires for a later monitor of the same name. Subscriptions are made with the event manager directly, not with
/// Register-EngineEvent, so that no job is left in the runspace's job table.
/// </summary>
internal static class AlertSubscriptions
{
    private static readonly object s_gate = new();
    private static readonly List<Subscription> s_subscriptions = new();

    /// <summary>Runs <paramref name="action"/> on the alerts of <paramref name="monitor"/> raised under <paramref name="sourceIdentifier"/>.</summary>
    public static void Add(PSEventManager events, JobRepository jobs, MemoryMonitor monitor, string sourceIdentifier, ScriptBlock action)
    {
        var subscriber = events.SubscribeEvent(null, null, sourceIdentifier, null, action, false, false);
        lock (s_gate)
        {
            s_subscriptions.Add(new Subscription(Runspace.DefaultRunspace, events, jobs, subscriber, monitor));
        }
    }

    /// <summary>Ends the subscriptions of <paramref name="monitor"/> (it stopped).</summary>
    public static void EndFor(MemoryMonitor monitor) => End(s => ReferenceEquals(s.Monitor, monitor));

    /// <summary>Ends the subscriptions made in the current runspace (it removes the module).</summary>
    public static void EndForCurrentRunspace()
    {
        var runspace = Runspace.DefaultRunspace;
        End(s => ReferenceEquals(s.Runspace, runspace));
    }

    private static void End(Func<Subscription, bool> which)
    {
        List<Subscription> ending;
        lock (s_gate)
        {
            ending = s_subscriptions.Where(which).ToList();
            s_subscriptions.RemoveAll(s => ending.Contains(s));
        }

        foreach (var subscription in ending)
        {
            try
            {
                subscription.Events.UnsubscribeEvent(subscription.Subscriber);
                if (subscription.Subscriber.Action is { } job)
                {
                    subscription.Jobs.Remove(job);
                }
            }
#pragma warning disable CA1031 // A runspace that has closed has no subscription left to end.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private sealed class Subscription
    {
        public Subscription(Runspace? runspace, PSEventManager events, JobRepository jobs, PSEventSubscriber subscriber, MemoryMonitor monitor)
        {
            Runspace = runspace;
            Events = events;
            Jobs = jobs;
            Subscriber = subscriber;
            Monitor = monitor;
        }

        public Runspace? Runspace { get; }

        public PSEventManager Events { get; }

        public JobRepository Jobs { get; }

        public PSEventSubscriber Subscriber { get; }

        public MemoryMonitor Monitor { get; }
    }
}
