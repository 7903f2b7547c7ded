using System;
using System.IO;

namespace RevitPerf.Core.Reporting;

/// <summary>A chart with the table of its numbers beside it (open when short, folded when long).</summary>
internal static class ReportFigure
{
    private const int OpenRows = 30;

    internal static void Write(TextWriter w, string kind, Action<TextWriter> chart, string[] headers, int rows, Action<TextWriter> body)
    {
        w.Write($"<figure data-chart=\"{kind}\">");
        chart(w);
        w.Write(rows <= OpenRows ? "<details open>" : "<details>");
        w.Write($"<summary>The numbers ({rows:N0} rows)</summary><table class=\"numbers sortable\">");
        Html.HeaderRow(w, headers);
        w.Write("<tbody>");
        body(w);
        w.Write("</tbody></table></details></figure>");
    }

    /// <summary>A compact row of numbers (end tags are optional in HTML; a table of thousands of samples stays small).</summary>
    internal static void CompactRow(TextWriter w, string first, double second)
    {
        w.Write("<tr><td>");
        w.Write(first);
        w.Write("<td>");
        w.Write(Html.Number(second));
        w.Write('\n');
    }
}
