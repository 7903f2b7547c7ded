using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;
using RevitPerf.PowerShell.Memory;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Starts a background memory monitor of this PowerShell process, or of another process (such as Revit) by id or
/// name. Alerts are raised as PowerShell engine events (source identifier RevitPerf.MemoryAlert); -Action runs on them.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "RevitMemoryMonitor", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(MonitorInfo))]
public sealed class StartRevitMemoryMonitorCommand : RevitMonitorCmdlet
{
    private const string CurrentSet = "Current";
    private const string ProcessIdSet = "ProcessId";
    private const string NameSet = "Name";

    /// <summary>The type name monitors carry.</summary>
    public const string MonitorTypeName = "RevitPerf.MonitorInfo";

    /// <summary>The process to watch, by id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProcessIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int ProcessId { get; set; }

    /// <summary>The process to watch, by name (exactly one process must have it).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [Alias("ProcessName")]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The monitor's own name; by default the process's name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MonitorName { get; set; }

    /// <summary>Seconds between snapshots (at least 0.1); by default metrics_collection_interval_seconds.</summary>
    [Parameter]
    [ValidateRange(0.1, 86_400)]
    public double IntervalSeconds { get; set; }

    /// <summary>Average working set (MB) at which a Warning alert is raised.</summary>
    [Parameter]
    [ValidateRange(1e-6, double.MaxValue)]
    public double WarningThresholdMB { get; set; }

    /// <summary>Average working set (MB) at which the alert becomes Critical.</summary>
    [Parameter]
    [ValidateRange(1e-6, double.MaxValue)]
    public double CriticalThresholdMB { get; set; }

    /// <summary>Working-set growth (MB per hour) at which a Growth alert is raised.</summary>
    [Parameter]
    [ValidateRange(1e-6, double.MaxValue)]
    public double GrowthRateMBPerHour { get; set; }

    /// <summary>Runs on each alert event ($Event.SourceArgs[0] is the alert, [1] what happened).</summary>
    [Parameter]
    public ScriptBlock? Action { get; set; }

    /// <summary>Writes the new monitor.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// One monitor per input: each process piped in (by its Id), or the one named, or this process. An input that does
    /// not bind (a string piped in, say) never reaches here, so nothing starts for it.
    /// </summary>
    protected override void ProcessRecord()
    {
        var optimizer = RevitPerfOptimizer.Current;
        var configuration = optimizer.Configuration;
        var bound = MyInvocation.BoundParameters;
        SystemProcessProbe? probe = null;
        try
        {
            probe = CreateProbe(optimizer);
            if (probe is null)
            {
                return;
            }

            var options = new MonitorOptions
            {
                Name = MonitorName ?? probe.ProcessName,
                Interval = TimeSpan.FromSeconds(bound.ContainsKey(nameof(IntervalSeconds)) ? IntervalSeconds : configuration.Optimization.MetricsCollectionIntervalSeconds),
                WarningThresholdMB = bound.ContainsKey(nameof(WarningThresholdMB)) ? WarningThresholdMB : null,
                CriticalThresholdMB = bound.ContainsKey(nameof(CriticalThresholdMB)) ? CriticalThresholdMB : null,
                GrowthRateMBPerHour = bound.ContainsKey(nameof(GrowthRateMBPerHour)) ? GrowthRateMBPerHour : null,
            };

            // RevitPy's rules for this process when no threshold is given: warn at 0.9 x memory_cleanup_threshold_mb,
            // clean up (expired entries, a collection) above it.
            if (probe.IsCurrentProcess && options.WarningThresholdMB is null && options.CriticalThresholdMB is null)
            {
                var threshold = configuration.Optimization.MemoryCleanupThresholdMB;
                options.WarningThresholdMB = threshold * RevitPerfOptimizer.MemoryWarningFactor;
                options.CriticalThresholdMB = threshold;
                options.OnCritical = () => RevitPerfOptimizer.Current.Optimize(new MaintenanceRequest { Force = true, Trigger = MaintenanceTrigger.MemoryAlert });
            }

            MemoryMonitor monitor;
            try
            {
                monitor = new MemoryMonitor(options, probe, scheduler: optimizer.Scheduler);
            }
            catch (ArgumentException ex)
            {
                // The options validate themselves (a critical threshold below the warning one, say).
                probe.Dispose();
                ThrowTerminatingError(NewError(ex, ErrorIds.MonitorInvalidArgument, ErrorCategory.InvalidArgument, options));
                return;
            }

            if (!Monitors.TryAdd(monitor))
            {
                probe.Dispose();
                WriteError(NewError(
                    new InvalidOperationException($"A memory monitor named '{options.Name}' is running already; give this one another -MonitorName, or stop that one."),
                    ErrorIds.MonitorAlreadyExists, ErrorCategory.ResourceExists, options.Name));
                return;
            }

            Subscribe(monitor);
            monitor.Start();
            if (PassThru)
            {
                WriteTyped(new MonitorInfo(monitor), MonitorTypeName);
            }
        }
        catch (Exception ex) when (probe is null && ex is ArgumentException or InvalidOperationException)
        {
            WriteError(NewError(
                new ItemNotFoundException($"There is no process with id {ProcessId}.", ex),
                ErrorIds.ProcessNotFound, ErrorCategory.ObjectNotFound, ProcessId));
        }
    }

    private SystemProcessProbe? CreateProbe(RevitPerfOptimizer optimizer)
    {
        switch (ParameterSetName)
        {
            case ProcessIdSet:
                return SystemProcessProbe.ForProcess(ProcessId);
            case NameSet:
                var processes = Process.GetProcessesByName(Name);
                try
                {
                    if (processes.Length == 1)
                    {
                        return SystemProcessProbe.ForProcess(processes[0].Id);
                    }

                    WriteError(processes.Length == 0
                        ? NewError(new ItemNotFoundException($"No process is named '{Name}'."), ErrorIds.ProcessNotFound, ErrorCategory.ObjectNotFound, Name)
                        : NewError(
                            new ArgumentException($"{processes.Length} processes are named '{Name}' (ids {string.Join(", ", processes.Select(p => p.Id))}); choose one with -ProcessId."),
                            ErrorIds.ProcessNameAmbiguous, ErrorCategory.InvalidArgument, Name));
                    return null;
                }
                finally
                {
                    foreach (var process in processes)
                    {
                        process.Dispose();
                    }
                }

            default:
                return SystemProcessProbe.ForCurrentProcess(optimizer);
        }
    }

    private void Subscribe(MemoryMonitor monitor)
    {
        // The runspace's event manager takes events from any thread; the sampling job's thread raises them.
        var events = Events;
        var actionSource = AlertSourceIdentifier + "." + monitor.Name;
        if (Action is not null)
        {
            AlertSubscriptions.Add(events, JobRepository, monitor, actionSource, Action);
        }

        monitor.Stopped += (_, _) => AlertSubscriptions.EndFor(monitor);
        var hasAction = Action is not null;
        monitor.AlertChanged += (_, e) =>
        {
            try
            {
                events.GenerateEvent(AlertSourceIdentifier, monitor.Name, new object[] { e.Alert, e.Change.ToString() }, null);
                if (hasAction)
                {
                    events.GenerateEvent(actionSource, monitor.Name, new object[] { e.Alert, e.Change.ToString() }, null);
                }
            }
#pragma warning disable CA1031 // The runspace may have closed; the monitor goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        };
    }
}
