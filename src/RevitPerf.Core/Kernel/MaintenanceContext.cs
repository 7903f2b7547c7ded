using System;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Kernel;

/// <summary>What a maintenance step sees: the request, the configuration in force, and the result it adds to.</summary>
public sealed class MaintenanceContext
{
    internal MaintenanceContext(MaintenanceRequest request, OptimizationConfig configuration, OptimizationResult result)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        Result = result;
    }

    /// <summary>What the run was asked to do.</summary>
    public MaintenanceRequest Request { get; }

    /// <summary>The optimizer's settings at the start of the run (a copy).</summary>
    public OptimizationConfig Configuration { get; }

    /// <summary>The run's result so far; each step records its own part.</summary>
    public OptimizationResult Result { get; }
}
