using System;
using System.Collections.Generic;
using System.Text;

namespace RevitPerf.Core.Journals;

/// <summary>A Jrn statement gathered over its continuation lines (each ending in " _"), up to a bounded length.</summary>
internal sealed class ContinuedStatement
{
    // Jrn.Data can go on for many lines (a schedule's contents); what a row shows needs far less.
    private const int MaxChars = 16 * 1024;

    private readonly StringBuilder text = new();

    internal ContinuedStatement(StatementKind kind, long line)
    {
        Kind = kind;
        Line = line;
    }

    internal StatementKind Kind { get; }

    internal long Line { get; }

    internal string Text => text.ToString();

    internal void Append(ReadOnlySpan<char> line)
    {
        if (Kind == StatementKind.Other || text.Length >= MaxChars)
        {
            return;
        }

        var room = MaxChars - text.Length;
        var part = line.Length > room ? line.Slice(0, room) : line;
        text.Append(part.ToString()).Append(' ');
    }

    internal static StatementKind KindOf(ReadOnlySpan<char> line)
    {
        var verb = line.Slice(4);
        return JournalSyntax.StartsWith(verb, "Command ") || JournalSyntax.StartsWith(verb, "Command\"") ? StatementKind.Command
            : JournalSyntax.StartsWith(verb, "Directive ") || JournalSyntax.StartsWith(verb, "Directive\"") ? StatementKind.Directive
            : JournalSyntax.StartsWith(verb, "Data ") || JournalSyntax.StartsWith(verb, "Data\"") ? StatementKind.Data
            : StatementKind.Other;
    }

    /// <summary>"Open an existing project , ID_REVIT_FILE_OPEN" (or "..., 57601 , ID_FILE_OPEN"): description and id.</summary>
    internal static (string Description, string? Id) SplitCommand(string value)
    {
        var first = value.IndexOf(',');
        if (first < 0)
        {
            return (value.Trim(), null);
        }

        var last = value.LastIndexOf(',');
        var id = value.Substring(last + 1).Trim();
        return (value.Substring(0, first).Trim(), id.Length == 0 ? null : id);
    }

    /// <summary>The release year among a Version directive's values ("2025.000" gives 2025).</summary>
    internal static string? YearOf(List<string> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            var v = values[i].Trim();
            if (v.Length >= 4 && JournalSyntax.IsDigit(v[0]) && JournalSyntax.IsDigit(v[1]) && JournalSyntax.IsDigit(v[2]) && JournalSyntax.IsDigit(v[3])
                && (v.Length == 4 || !JournalSyntax.IsDigit(v[4])))
            {
                return v.Substring(0, 4);
            }
        }

        return null;
    }
}
