namespace RevitPerf.Core.Kernel;

/// <summary>What one run of the maintenance routine is asked to do beyond its rules.</summary>
public sealed class MaintenanceRequest
{
    /// <summary>Collect garbage whatever the managed heap's size.</summary>
    public bool Force { get; set; }

    /// <summary>Collect and compact the large object heap too (implies <see cref="Force"/>).</summary>
    public bool Aggressive { get; set; }

    /// <summary>What started the run.</summary>
    public MaintenanceTrigger Trigger { get; set; } = MaintenanceTrigger.Manual;
}
