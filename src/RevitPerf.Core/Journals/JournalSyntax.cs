using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Journals;

/// <summary>The pieces of journal lines, parsed from spans so that a line costs no allocation unless it yields a row.</summary>
internal static class JournalSyntax
{
    private const int MaxQuotedValues = 64;

    internal static ReadOnlySpan<char> TrimStart(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }

        return s.Slice(i);
    }

    internal static ReadOnlySpan<char> TrimEnd(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        {
            n--;
        }

        return s.Slice(0, n);
    }

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';

    internal static bool StartsWith(ReadOnlySpan<char> s, string prefix) => s.StartsWith(prefix.AsSpan(), StringComparison.Ordinal);

    internal static bool Contains(ReadOnlySpan<char> s, string text) => s.IndexOf(text.AsSpan(), StringComparison.Ordinal) >= 0;

    /// <summary>A VB line continued on the next (ends in " _").</summary>
    internal static bool Continues(ReadOnlySpan<char> s)
    {
        s = TrimEnd(s);
        return s.Length >= 2 && s[s.Length - 1] == '_' && (s[s.Length - 2] == ' ' || s[s.Length - 2] == '\t');
    }

    /// <summary>Parses <c>02-Feb-2025 09:15:02.481</c> at the start of <paramref name="s"/>; <paramref name="length"/> is what it took.</summary>
    internal static bool TryParseTimestamp(ReadOnlySpan<char> s, out DateTime time, out int length)
    {
        time = default;
        length = 0;
        var i = 0;
        if (!TryDigits(s, ref i, 1, 2, out var day) || !Expect(s, ref i, '-') || i + 3 > s.Length)
        {
            return false;
        }

        var month = MonthOf(s.Slice(i, 3));
        i += 3;
        if (month == 0 || !Expect(s, ref i, '-') || !TryDigits(s, ref i, 4, 4, out var year) || !Expect(s, ref i, ' ')
            || !TryDigits(s, ref i, 1, 2, out var hour) || !Expect(s, ref i, ':') || !TryDigits(s, ref i, 2, 2, out var minute)
            || !Expect(s, ref i, ':') || !TryDigits(s, ref i, 2, 2, out var second))
        {
            return false;
        }

        var millisecond = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var first = i;
            if (!TryDigits(s, ref i, 1, 7, out var fraction))
            {
                return false;
            }

            var digits = i - first;
            millisecond = digits >= 3 ? fraction / Pow10(digits - 3) : fraction * Pow10(3 - digits);
        }

        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified);
        length = i;
        return true;
    }

    /// <summary>Skips a depth marker (<c>0:&lt;</c>, <c>2:!!!</c>) at the start of <paramref name="s"/>, if there is one.</summary>
    internal static ReadOnlySpan<char> SkipDepth(ReadOnlySpan<char> s, out int? depth)
    {
        depth = null;
        var i = 0;
        if (!TryDigits(s, ref i, 1, 4, out var value) || i >= s.Length || s[i] != ':')
        {
            return s;
        }

        i++;
        while (i < s.Length && (s[i] == '<' || s[i] == '!'))
        {
            i++;
        }

        depth = value;
        return TrimStart(s.Slice(i));
    }

    /// <summary>A decimal number (optional sign and fraction) at <paramref name="i"/>, after any spaces.</summary>
    internal static bool TryNumber(ReadOnlySpan<char> s, ref int i, out double value)
    {
        value = 0;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var begin = i;
        long whole = 0;
        while (i < s.Length && IsDigit(s[i]) && i - begin < 15)
        {
            whole = (whole * 10) + (s[i] - '0');
            i++;
        }

        if (i == begin)
        {
            return false;
        }

        double fraction = 0;
        if (i + 1 < s.Length && s[i] == '.' && IsDigit(s[i + 1]))
        {
            i++;
            var scale = 0.1;
            while (i < s.Length && IsDigit(s[i]))
            {
                fraction += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        value = whole + fraction;
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>The value of a memory field (<c>Used +30 -&gt; 700 MB</c> or <c>Used 700 MB</c>): after the arrow when there is one.</summary>
    internal static double? FieldValue(ReadOnlySpan<char> field)
    {
        var arrow = field.IndexOf("->".AsSpan(), StringComparison.Ordinal);
        var rest = arrow >= 0 ? field.Slice(arrow + 2) : field;
        var i = 0;
        while (i < rest.Length && !IsDigit(rest[i]) && rest[i] != '-' && rest[i] != '+')
        {
            i++;
        }

        return TryNumber(rest, ref i, out var value) ? value : null;
    }

    /// <summary>The quoted strings of a VB statement (Latin-1 decoded, returned as Windows-1252), <c>""</c> standing for a quote; at most 64.</summary>
    internal static List<string> QuotedValues(ReadOnlySpan<char> s)
    {
        var values = new List<string>();
        while (values.Count < MaxQuotedValues)
        {
            var open = s.IndexOf('"');
            if (open < 0)
            {
                break;
            }

            s = s.Slice(open + 1);
            var close = s.IndexOf('"');
            if (close < 0)
            {
                values.Add(Windows1252.ToText(s));
                break;
            }

            if (close + 1 >= s.Length || s[close + 1] != '"')
            {
                values.Add(Windows1252.ToText(s.Slice(0, close)));
                s = s.Slice(close + 1);
                continue;
            }

            // A doubled quote inside: gather the pieces.
            var text = new System.Text.StringBuilder();
            while (close >= 0 && close + 1 < s.Length && s[close + 1] == '"')
            {
                text.Append(s.Slice(0, close + 1).ToString());
                s = s.Slice(close + 2);
                close = s.IndexOf('"');
            }

            text.Append((close < 0 ? s : s.Slice(0, close)).ToString());
            values.Add(Windows1252.Fix(text.ToString()));
            s = close < 0 ? ReadOnlySpan<char>.Empty : s.Slice(close + 1);
        }

        return values;
    }

    /// <summary>"Autodesk Revit 2025" in a path gives 2025.</summary>
    internal static string? VersionFromPath(string path)
    {
        const string marker = "Autodesk Revit ";
        var at = path.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || at + marker.Length + 4 > path.Length)
        {
            return null;
        }

        var year = path.Substring(at + marker.Length, 4);
        foreach (var c in year)
        {
            if (!IsDigit(c))
            {
                return null;
            }
        }

        return year;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var begin = i;
        while (i < s.Length && IsDigit(s[i]) && i - begin < max)
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i - begin >= min;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static int Pow10(int n)
    {
        var result = 1;
        for (var k = 0; k < n; k++)
        {
            result *= 10;
        }

        return result;
    }

    private static int MonthOf(ReadOnlySpan<char> m)
    {
        // Revit writes English month abbreviations whatever the Windows locale.
        var key = (char.ToLowerInvariant(m[0]) << 16) | (char.ToLowerInvariant(m[1]) << 8) | char.ToLowerInvariant(m[2]);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }
}
