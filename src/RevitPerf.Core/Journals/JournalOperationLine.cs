using System;

namespace RevitPerf.Core.Journals;

/// <summary>
/// Timed steps: <c>'  5.120334      4:&lt;&lt;loadSerialize</c>, <c>' 14.002871-- 1:&lt;&lt;[Cloud]standardOpenDocumentFile</c>,
/// <c>'  3.517206!!! 2:!!!BIG_GAP [C:\m.rvt]openOntoDesktop /ALL_GAPS   0.304112/Threshold_GAPs 52%</c>.
/// </summary>
internal static class JournalOperationLine
{
    /// <summary>Parses the text after the comment quote; false when it is not a timed step.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out double seconds, out string marker, out int depth, out ReadOnlySpan<char> name)
    {
        seconds = 0;
        marker = string.Empty;
        depth = 0;
        name = default;
        var i = 0;
        // Seconds always carry a fraction; that tells a step from a depth marker such as "0:<".
        var begin = i;
        while (i < text.Length && JournalSyntax.IsDigit(text[i]))
        {
            i++;
        }

        if (i == begin || i >= text.Length || text[i] != '.')
        {
            return false;
        }

        i = 0;
        if (!JournalSyntax.TryNumber(text, ref i, out seconds))
        {
            return false;
        }

        var markerStart = -1;
        var bangs = 0;
        var dashes = 0;
        while (i < text.Length && (text[i] == ' ' || text[i] == '!' || text[i] == '-'))
        {
            if (text[i] != ' ' && markerStart < 0)
            {
                markerStart = i;
            }

            bangs += text[i] == '!' ? 1 : 0;
            dashes += text[i] == '-' ? 1 : 0;
            i++;
        }

        var rest = text.Slice(i);
        var afterDepth = JournalSyntax.SkipDepth(rest, out var parsedDepth);
        if (parsedDepth is null)
        {
            return false;
        }

        depth = parsedDepth.Value;
        marker = bangs >= 3 ? "!!!" : dashes >= 2 ? "--" : bangs > 0 ? "!" : string.Empty;
        var gaps = afterDepth.IndexOf("/ALL_GAPS".AsSpan(), StringComparison.Ordinal);
        name = JournalSyntax.TrimEnd(gaps >= 0 ? afterDepth.Slice(0, gaps) : afterDepth);
        return true;
    }

    /// <summary>Splits the model path (a bracketed group that looks like a path) out of a step's name.</summary>
    internal static (string Name, string? ModelPath) SplitModelPath(ReadOnlySpan<char> name)
    {
        var searchFrom = 0;
        while (searchFrom < name.Length)
        {
            var open = name.Slice(searchFrom).IndexOf('[');
            if (open < 0)
            {
                break;
            }

            open += searchFrom;
            var close = name.Slice(open + 1).IndexOf(']');
            if (close < 0)
            {
                break;
            }

            close += open + 1;
            var inside = name.Slice(open + 1, close - open - 1);
            if (LooksLikePath(inside))
            {
                var without = string.Concat(Windows1252.ToText(name.Slice(0, open)), Windows1252.ToText(name.Slice(close + 1)));
                return (CollapseSpaces(without), Windows1252.ToText(inside));
            }

            searchFrom = close + 1;
        }

        return (Windows1252.ToText(name), null);
    }

    private static bool LooksLikePath(ReadOnlySpan<char> s) =>
        s.IndexOf('\\') >= 0 || s.IndexOf('/') >= 0
        || s.EndsWith(".rvt".AsSpan(), StringComparison.OrdinalIgnoreCase)
        || s.EndsWith(".rfa".AsSpan(), StringComparison.OrdinalIgnoreCase)
        || s.EndsWith(".rte".AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static string CollapseSpaces(string s)
    {
        var trimmed = s.Trim();
        while (trimmed.Contains("  "))
        {
            trimmed = trimmed.Replace("  ", " ");
        }

        return trimmed;
    }
}
