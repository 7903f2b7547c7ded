using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace RevitPerf.PowerShell.Loading;

/// <summary>
/// PowerShell 7 only: the load context that holds RevitPerf.Core and its dependencies (YamlDotNet). It resolves
/// every assembly it finds in the Dependencies folder itself, before the default context is asked, so a different
/// YamlDotNet that another module loaded into the default context is never bound to RevitPerf.Core.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder)
        => _folder = folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
