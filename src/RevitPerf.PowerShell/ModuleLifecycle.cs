using System.Management.Automation;
using System.Runtime.CompilerServices;
using RevitPerf.PowerShell.Loading;
using RevitPerf.PowerShell.Memory;

namespace RevitPerf.PowerShell;

/// <summary>PowerShell calls this on Import-Module and Remove-Module.</summary>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>Installs the dependency resolver, then starts the module's state.</summary>
    public void OnImport()
    {
        DependencyResolver.Install();

        // Only now may RevitPerf.Core be touched: the resolver is what finds it.
        StartModule();
    }

    /// <summary>
    /// Ends this runspace's alert subscriptions; when no runspace keeps the module (and it is not being imported again),
    /// stops all background work and removes the resolver.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (StopModule())
        {
            DependencyResolver.Uninstall();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartModule()
    {
        ModuleState.Start();
        PesterOperator.RegisterIfPesterLoaded();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool StopModule()
    {
        AlertSubscriptions.EndForCurrentRunspace();
        return ModuleState.Stop();
    }
}
