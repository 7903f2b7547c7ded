using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace RevitPerf.PowerShell.Loading;

/// <summary>
/// Loads the assemblies of the module's Dependencies folder (RevitPerf.Core, YamlDotNet): on PowerShell 7 into
/// <see cref="DependencyLoadContext"/>, isolated from other modules' copies; on Windows PowerShell 5.1 through
/// AppDomain.AssemblyResolve, together with Dependencies/Desktop (System.Diagnostics.DiagnosticSource and what it
/// needs), which .NET already has: on PowerShell 7 those bind to the runtime's copy, so that dotnet-counters, which
/// listens through the runtime's copy, sees the RevitPerf meter. Installed on import, removed on Remove-Module.
/// </summary>
internal static class DependencyResolver
{
    private const string CoreAssemblyName = "RevitPerf.Core";

    private static readonly object s_gate = new();
    private static readonly string s_folder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "Dependencies");

    // One load context per process: re-importing the module must find the RevitPerf.Core it already loaded.
    private static object? s_loadContext;
    private static HashSet<string>? s_names;
    private static bool s_installed;

    // Windows PowerShell only: the .NET assemblies RevitPerf.Core references that .NET Framework does not have.
    private static readonly string s_desktopFolder = Path.Combine(s_folder, "Desktop");

    public static string Folder => s_folder;

    public static bool IsCoreClr { get; } =
        typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is not null;

    public static void Install()
    {
        lock (s_gate)
        {
            if (s_installed)
            {
                return;
            }

            s_names ??= new HashSet<string>(
                DllNames(s_folder).Concat(IsCoreClr ? Enumerable.Empty<string>() : DllNames(s_desktopFolder)),
                StringComparer.OrdinalIgnoreCase);
            if (IsCoreClr)
            {
                InstallCoreClr();
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDesktop;
            }

            s_installed = true;
        }
    }

    public static void Uninstall()
    {
        lock (s_gate)
        {
            if (!s_installed)
            {
                return;
            }

            if (IsCoreClr)
            {
                UninstallCoreClr();
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveDesktop;
            }

            s_installed = false;
        }
    }

    // The AssemblyLoadContext type is only touched inside these methods, which only run on .NET (Core).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InstallCoreClr()
    {
        s_loadContext ??= new DependencyLoadContext(s_folder);
        AssemblyLoadContext.Default.Resolving += ResolveCoreClr;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UninstallCoreClr() => AssemblyLoadContext.Default.Resolving -= ResolveCoreClr;

    // The default context is only asked for RevitPerf.Core (by the cmdlet assembly); RevitPerf.Core's own
    // references go through DependencyLoadContext.Load. Answering for YamlDotNet here would hand our copy to any
    // other module that failed to find its own.
    private static Assembly? ResolveCoreClr(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase)
            ? ((DependencyLoadContext)s_loadContext!).LoadFromAssemblyName(name)
            : null;

    // Windows PowerShell has one context: answer only for our files, and only when one of our assemblies (or one we
    // shipped, such as DiagnosticSource asking for System.Memory) asks; the requester is unknown on some paths, then
    // the name alone decides. Any version is accepted: the shipped one is the one the module was built with.
    private static Assembly? ResolveDesktop(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name);
        var requester = args.RequestingAssembly?.GetName();
        var fromUs = requester is null
            || IsOurs(requester)
            || ReferenceEquals(args.RequestingAssembly, typeof(DependencyResolver).Assembly);
        if (!fromUs || !IsOurs(name))
        {
            return null;
        }

        var desktop = Path.Combine(s_desktopFolder, name.Name + ".dll");
        return Assembly.LoadFrom(File.Exists(desktop) ? desktop : Path.Combine(s_folder, name.Name + ".dll"));
    }

    private static IEnumerable<string> DllNames(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension) : Enumerable.Empty<string>();

    private static bool IsOurs(AssemblyName name) => name.Name is not null && s_names!.Contains(name.Name);
}
