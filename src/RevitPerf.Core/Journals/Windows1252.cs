using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace RevitPerf.Core.Journals;

/// <summary>
/// Windows-1252, the code page Revit writes journals in. Lines are decoded as Latin-1 (one byte to one character, and
/// several times faster than a code-page decoder); the two differ only in bytes 0x80 to 0x9F (€, –, “ ...), which
/// only matter in the text a row keeps, so the strings the reader makes are mapped through the Windows-1252 table.
/// </summary>
internal static class Windows1252
{
    private const char First = '\u0080';
    private const char Last = '\u009F';
    private static Encoding? latin1;
    private static char[]? table;

    /// <summary>The encoding lines are split with.</summary>
    internal static Encoding LineEncoding => latin1 ??= Encoding.GetEncoding(28591);

    /// <summary>The Windows-1252 text of a span decoded as Latin-1.</summary>
    internal static string ToText(ReadOnlySpan<char> latin1Text) => Fix(latin1Text.ToString());

    /// <summary>Maps the characters 0x80 to 0x9F of a string decoded as Latin-1 to their Windows-1252 meaning.</summary>
    internal static string Fix(string latin1Text)
    {
        var i = 0;
        while (i < latin1Text.Length && (latin1Text[i] < First || latin1Text[i] > Last))
        {
            i++;
        }

        if (i == latin1Text.Length)
        {
            return latin1Text;
        }

        var map = table ??= CreateTable();
        var chars = latin1Text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (chars[i] >= First && chars[i] <= Last)
            {
                chars[i] = map[chars[i] - First];
            }
        }

        return new string(chars);
    }

    private static char[] CreateTable()
    {
        var bytes = new byte[Last - First + 1];
        for (var b = 0; b < bytes.Length; b++)
        {
            bytes[b] = (byte)(First + b);
        }

        return Windows1252Encoding().GetChars(bytes);
    }

    private static Encoding Windows1252Encoding()
    {
        try
        {
            // .NET Framework (Windows PowerShell 5.1) has every Windows code page built in.
            return Encoding.GetEncoding(1252);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            return FromProvider();
        }
    }

    // Asked directly instead of registered: RegisterProvider would change every Encoding.GetEncoding in the process.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Encoding FromProvider() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
