using System;
using System.Globalization;
using System.IO;

namespace RevitPerf.Core.Reporting;

/// <summary>Escaping and number formatting for the report: invariant culture, so a report reads the same everywhere.</summary>
internal static class Html
{
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var value = text!;
        if (value.IndexOfAny(new[] { '&', '<', '>', '"', '\'' }) < 0)
        {
            return value;
        }

        return value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
    }

    /// <summary>A number as a person reads it: about four significant digits, no exponent in the usual ranges.</summary>
    internal static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }

        var abs = Math.Abs(value);
        if (abs == 0)
        {
            return "0";
        }

        // Four significant digits, written out (0.0002589, not 2.589E-4): tables are read, and pasted into Excel.
        var decimals = Math.Max(0, Math.Min(15, 3 - (int)Math.Floor(Math.Log10(abs))));
        return value.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    internal static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    /// <summary>The exact value, for data attributes (sorting, and tests that compare with the objects).</summary>
    internal static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A coordinate in an SVG: one decimal is below a pixel's width.</summary>
    internal static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A cell with its exact value for sorting and checking: <c>&lt;td data-v="1.25"&gt;1.25&lt;/td&gt;</c>.</summary>
    internal static void NumberCell(TextWriter w, double? value)
    {
        if (value is { } v && !double.IsNaN(v))
        {
            w.Write("<td data-v=\"");
            w.Write(Exact(v));
            w.Write("\">");
            w.Write(Number(v));
            w.Write("</td>");
        }
        else
        {
            w.Write("<td></td>");
        }
    }

    /// <summary>A row of number cells.</summary>
    internal static void NumberRow(TextWriter w, params double?[] values)
    {
        w.Write("<tr>");
        foreach (var value in values)
        {
            NumberCell(w, value);
        }

        w.Write("</tr>");
    }

    internal static void TextCell(TextWriter w, string? text, string? cssClass = null)
    {
        w.Write(cssClass is null ? "<td>" : $"<td class=\"{cssClass}\">");
        w.Write(Escape(text));
        w.Write("</td>");
    }

    internal static void HeaderRow(TextWriter w, params string[] headers)
    {
        w.Write("<thead><tr>");
        foreach (var header in headers)
        {
            w.Write("<th>");
            w.Write(Escape(header));
            w.Write("</th>");
        }

        w.Write("</tr></thead>");
    }

    /// <summary>An id made of letters, digits and dashes.</summary>
    internal static string Id(string prefix, string name)
    {
        var chars = new char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            chars[i] = char.IsLetterOrDigit(name[i]) && name[i] < 128 ? char.ToLowerInvariant(name[i]) : '-';
        }

        return prefix + "-" + new string(chars);
    }
}
