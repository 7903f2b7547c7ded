using System.Runtime.CompilerServices;
using System.Text;

namespace RevitPerf.Core.Journals;

/// <summary>Windows-1252, the code page Revit writes journals in.</summary>
internal static class Windows1252
{
    private static Encoding? encoding;

    internal static Encoding Encoding => encoding ??= Create();

    private static Encoding Create()
    {
        try
        {
            // .NET Framework (Windows PowerShell 5.1) has every Windows code page built in.
            return Encoding.GetEncoding(1252);
        }
        catch (System.NotSupportedException)
        {
            return FromProvider();
        }
        catch (System.ArgumentException)
        {
            return FromProvider();
        }
    }

    // Asked directly instead of registered: RegisterProvider would change every Encoding.GetEncoding in the process.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Encoding FromProvider() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
