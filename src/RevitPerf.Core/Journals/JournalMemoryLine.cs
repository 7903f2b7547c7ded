using System;

namespace RevitPerf.Core.Journals;

/// <summary>The memory lines: Initial / Delta VM lines, the RAM and VM Statistics blocks, and GUI Resource Usage.</summary>
internal static class JournalMemoryLine
{
    /// <summary>
    /// <c>Initial VM: Avail 8388000 MB, Used 21 MB, Peak 49; RAM: Avail 12000 MB, Used 47 MB, Peak 49</c> or the Delta
    /// form (<c>Used +30 -&gt; 700 MB</c>, or <c>Used 700 MB</c> when unchanged); a field may be missing.
    /// </summary>
    internal static void Parse(ReadOnlySpan<char> text, JournalMemorySample sample)
    {
        var ram = text.IndexOf("RAM:".AsSpan(), StringComparison.Ordinal);
        var vm = text.IndexOf("VM:".AsSpan(), StringComparison.Ordinal);
        if (vm >= 0)
        {
            var vmPart = ram > vm ? text.Slice(vm + 3, ram - vm - 3) : text.Slice(vm + 3);
            ReadFields(vmPart, out _, out var used, out var peak);
            sample.VmUsedMB = used;
            sample.VmPeakMB = peak;
        }

        if (ram >= 0)
        {
            ReadFields(text.Slice(ram + 4), out var avail, out var used, out var peak);
            sample.RamAvailableMB = avail;
            sample.RamUsedMB = used;
            sample.RamPeakMB = peak;
        }
    }

    /// <summary><c>RAM Statistics:    11800 /    16281       905=InUse      910=Peak</c>: available, total, in use, peak.</summary>
    internal static bool TryParseStatistics(ReadOnlySpan<char> text, out double available, out double total, out double inUse, out double peak)
    {
        available = total = inUse = peak = 0;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var i = colon + 1;
        if (!JournalSyntax.TryNumber(text, ref i, out available))
        {
            return false;
        }

        var slash = text.Slice(i).IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        i += slash + 1;
        return JournalSyntax.TryNumber(text, ref i, out total)
            && JournalSyntax.TryNumber(text, ref i, out inUse)
            && Skip(text, ref i, "=InUse")
            && JournalSyntax.TryNumber(text, ref i, out peak);
    }

    /// <summary><c>GUI Resource Usage GDI: Avail 9000, Used 1100, User: Used 480</c>: GDI and USER handles in use.</summary>
    internal static void ParseGuiResources(ReadOnlySpan<char> text, out int? gdi, out int? user)
    {
        gdi = user = null;
        var gdiAt = text.IndexOf("GDI:".AsSpan(), StringComparison.Ordinal);
        var userAt = text.IndexOf("User:".AsSpan(), StringComparison.Ordinal);
        if (gdiAt >= 0)
        {
            var part = userAt > gdiAt ? text.Slice(gdiAt + 4, userAt - gdiAt - 4) : text.Slice(gdiAt + 4);
            ReadFields(part, out _, out var used, out _);
            gdi = used is { } g ? (int)g : null;
        }

        if (userAt >= 0)
        {
            ReadFields(text.Slice(userAt + 5), out _, out var used, out _);
            user = used is { } u ? (int)u : null;
        }
    }

    private static bool Skip(ReadOnlySpan<char> text, ref int i, string expected)
    {
        if (text.Slice(i).StartsWith(expected.AsSpan(), StringComparison.Ordinal))
        {
            i += expected.Length;
            return true;
        }

        return false;
    }

    private static void ReadFields(ReadOnlySpan<char> part, out double? avail, out double? used, out double? peak)
    {
        avail = used = peak = null;
        var semicolon = part.IndexOf(';');
        if (semicolon >= 0)
        {
            part = part.Slice(0, semicolon);
        }

        while (part.Length > 0)
        {
            var comma = part.IndexOf(',');
            var field = JournalSyntax.TrimStart(comma >= 0 ? part.Slice(0, comma) : part);
            if (JournalSyntax.StartsWith(field, "Avail"))
            {
                avail = JournalSyntax.FieldValue(field.Slice(5));
            }
            else if (JournalSyntax.StartsWith(field, "Used"))
            {
                used = JournalSyntax.FieldValue(field.Slice(4));
            }
            else if (JournalSyntax.StartsWith(field, "Peak"))
            {
                peak = JournalSyntax.FieldValue(field.Slice(4));
            }

            part = comma >= 0 ? part.Slice(comma + 1) : ReadOnlySpan<char>.Empty;
        }
    }
}
