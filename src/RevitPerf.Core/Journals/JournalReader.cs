using System;
using System.Collections.Generic;
using System.IO;

namespace RevitPerf.Core.Journals;

/// <summary>
/// Reads a Revit journal in one pass with memory that does not grow with the file: the session summary
/// (<see cref="Session"/>, complete once <see cref="ReadEntries"/> has been read to the end) and, as it goes, the
/// memory samples, timed steps and events it is asked for. Lines of unknown kinds are counted and skipped, a line
/// cut short by a crash is read as far as it goes, and the file may still be open in Revit. A file with no journal
/// line near its start is a <see cref="JournalFormatException"/>.
/// </summary>
/// <example><code>
/// using var reader = new JournalReader(@"C:\Users\me\AppData\Local\Autodesk\Revit\Autodesk Revit 2025\Journals\journal.0042.txt");
/// foreach (var op in reader.ReadEntries(JournalSeries.Operations).OfType&lt;JournalOperation&gt;().Where(o =&gt; o.Seconds &gt; 10)) { ... }
/// Console.WriteLine(reader.Session.EndedCleanly);
/// </code></example>
public sealed class JournalReader : IDisposable
{
    // A file with no journal line within this many lines is something else (a journal's first line is one).
    private const int ProbeLines = 500;
    private const int BuildSearchLines = 1000;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly JournalSession session;
    private readonly Queue<JournalEntry> ready = new();
    private JournalLineReader? lines;
    private JournalSeries wanted;
    private long markers;
    private DateTime? now;
    private JournalMemorySample? pendingSample;
    private double? lastRamPeak;
    private double? lastVmPeak;
    private ContinuedStatement? statement;
    private bool started;

    /// <summary>Opens <paramref name="path"/> for reading, sharing it with a Revit that is still writing it.</summary>
    public JournalReader(string path)
        : this(OpenShared(path), path, leaveOpen: false)
    {
    }

    /// <summary>Reads <paramref name="stream"/> (Windows-1252) as the journal at <paramref name="path"/>.</summary>
    public JournalReader(Stream stream, string path, bool leaveOpen = false)
    {
        this.stream = stream ?? throw new ArgumentNullException(nameof(stream));
        this.leaveOpen = leaveOpen;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        session = new JournalSession { Path = path, Name = System.IO.Path.GetFileName(path), RevitVersion = JournalSyntax.VersionFromPath(path) };
    }

    /// <summary>The journal's path.</summary>
    public string Path { get; }

    /// <summary>The session summary: complete after <see cref="ReadEntries"/> has been read to the end.</summary>
    public JournalSession Session => session;

    /// <summary>Reads the whole journal for its summary alone.</summary>
    public static JournalSession ReadSession(string path)
    {
        using var reader = new JournalReader(path);
        return reader.ReadToEnd();
    }

    /// <summary>Reads to the end without returning entries, and returns the summary.</summary>
    public JournalSession ReadToEnd()
    {
        foreach (var _ in ReadEntries(JournalSeries.None))
        {
        }

        return session;
    }

    /// <summary>
    /// The entries of <paramref name="series"/> in file order, read lazily (one pass; call once). The summary is
    /// kept whatever is asked.
    /// </summary>
    /// <exception cref="JournalFormatException">The file is not a journal.</exception>
    public IEnumerable<JournalEntry> ReadEntries(JournalSeries series = JournalSeries.All)
    {
        if (started)
        {
            throw new InvalidOperationException("A JournalReader reads its journal once; open a new one to read it again.");
        }

        started = true;
        wanted = series;
        return Read();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private static FileStream OpenShared(string path) =>
        // Revit keeps its current journal open for writing; share it both ways. Our own buffer does the buffering.
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);

    private IEnumerable<JournalEntry> Read()
    {
        lines = new JournalLineReader(stream, Windows1252.LineEncoding);
        while (ReadLine())
        {
            while (ready.Count > 0)
            {
                yield return ready.Dequeue();
            }
        }

        FinishStatement();
        FlushSample();
        Finish();
        while (ready.Count > 0)
        {
            yield return ready.Dequeue();
        }
    }

    private bool ReadLine()
    {
        if (!lines!.TryReadLine(out var raw))
        {
            return false;
        }

        session.Lines++;
        // Until the first journal line, a NUL says binary; after it, NULs are what a crash leaves at the end.
        var binary = markers == 0 && raw.IndexOf('\0') >= 0;
        if (!binary)
        {
            Dispatch(JournalSyntax.TrimStart(raw));
        }

        if (markers == 0 && (session.Lines >= ProbeLines || binary))
        {
            throw new JournalFormatException(Path, binary
                ? "it holds binary data."
                : $"none of its first {session.Lines} lines is a journal line (a time-stamped comment or a Jrn statement).");
        }

        return true;
    }

    private void Finish()
    {
        session.SizeBytes = lines!.BytesRead;
        session.CutLines = lines.LinesCut;
        session.LastLineIncomplete = lines.LastLineIncomplete;
        if (markers == 0)
        {
            throw new JournalFormatException(Path, session.Lines == 0
                ? "it is empty."
                : $"none of its {session.Lines} lines is a journal line (a time-stamped comment or a Jrn statement).");
        }
    }

    private void Dispatch(ReadOnlySpan<char> line)
    {
        if (statement is not null)
        {
            statement.Append(line);
            if (!JournalSyntax.Continues(line))
            {
                FinishStatement();
            }

            return;
        }

        if (line.IsEmpty)
        {
            return;
        }

        if (line[0] == '\'')
        {
            Comment(line.Slice(1));
        }
        else if (JournalSyntax.StartsWith(line, "Jrn."))
        {
            markers++;
            Statement(line);
        }
        else if (!IsScriptLine(line))
        {
            session.UnknownLines++;
        }
    }

    private static bool IsScriptLine(ReadOnlySpan<char> line) =>
        JournalSyntax.StartsWith(line, "Dim ") || JournalSyntax.StartsWith(line, "Set ") || JournalSyntax.StartsWith(line, "End ")
        || JournalSyntax.StartsWith(line, "Sub ") || JournalSyntax.StartsWith(line, "If ") || JournalSyntax.StartsWith(line, "Else")
        || JournalSyntax.StartsWith(line, "Rem ") || line[0] == ',';

    private void Comment(ReadOnlySpan<char> text)
    {
        if (text.Length > 2 && (text[0] == 'C' || text[0] == 'H' || text[0] == 'E') && text[1] == ' ' && JournalSyntax.IsDigit(text[2])
            && JournalSyntax.TryParseTimestamp(text.Slice(2), out var time, out var length))
        {
            markers++;
            now = time;
            session.StartedAt ??= time;
            session.EndedAt = time;
            var rest = text.Slice(2 + length);
            rest = JournalSyntax.TrimStart(rest.Length > 0 && rest[0] == ';' ? rest.Slice(1) : rest);
            Text(JournalSyntax.SkipDepth(rest, out _), timestamped: true);
            return;
        }

        text = JournalSyntax.TrimStart(text);
        if (text.Length > 0 && JournalSyntax.IsDigit(text[0])
            && JournalOperationLine.TryParse(text, out var seconds, out var marker, out var depth, out var name))
        {
            markers++;
            Operation(seconds, marker, depth, name);
            return;
        }

        Text(JournalSyntax.SkipDepth(text, out _), timestamped: false);
    }

    private void Text(ReadOnlySpan<char> text, bool timestamped)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (text[0] == ':' && JournalSyntax.StartsWith(text, "::"))
        {
            var close = text.Slice(2).IndexOf("::".AsSpan(), StringComparison.Ordinal);
            var i = 2;
            int? step = close >= 0 && JournalSyntax.TryNumber(text, ref i, out var counter) ? (int)counter : null;
            var after = close >= 0 ? JournalSyntax.TrimStart(text.Slice(close + 4)) : text;
            if (JournalSyntax.StartsWith(after, "Delta VM:"))
            {
                Memory(after, step);
            }

            return;
        }

        // Most comment lines are none of the kinds below: one look at the first character rules them out.
        var first = text[0];
        if (first != 'I' && first != 'D' && first != 'G' && first != 'R' && first != 'V' && first != 'T')
        {
            OtherText(text, timestamped);
        }
        else if (JournalSyntax.StartsWith(text, "Initial VM:") || JournalSyntax.StartsWith(text, "Delta VM:"))
        {
            Memory(text, null);
        }
        else if (JournalSyntax.StartsWith(text, "GUI Resource Usage"))
        {
            // The handles belong to the sample before them, and to no summary figure.
            if (pendingSample is not null && (wanted & JournalSeries.Memory) != 0)
            {
                JournalMemoryLine.ParseGuiResources(text, out var gdi, out var user);
                pendingSample.GdiHandles = gdi;
                pendingSample.UserHandles = user;
            }
        }
        else if (JournalSyntax.StartsWith(text, "RAM Statistics:"))
        {
            if (JournalMemoryLine.TryParseStatistics(text, out _, out var total, out var inUse, out var peak))
            {
                session.TotalRamMB = total;
                session.PeakRamMB = Max(session.PeakRamMB, Math.Max(inUse, peak));
            }
        }
        else if (JournalSyntax.StartsWith(text, "VM") && JournalSyntax.StartsWith(JournalSyntax.TrimStart(text.Slice(2)), "Statistics:"))
        {
            if (JournalMemoryLine.TryParseStatistics(text, out _, out _, out var inUse, out var peak))
            {
                session.PeakVmMB = Max(session.PeakVmMB, Math.Max(inUse, peak));
            }
        }
        else if (JournalSyntax.StartsWith(text, "TaskDialog"))
        {
            var values = JournalSyntax.QuotedValues(text);
            session.Dialogs++;
            AddEvent(JournalSeries.Events, JournalEventKind.Dialog, values.Count > 0 ? values[0] : Windows1252.ToText(text.Slice(10).Trim()), null, null);
        }
        else
        {
            OtherText(text, timestamped);
        }
    }

    private void OtherText(ReadOnlySpan<char> text, bool timestamped)
    {
        var isl = text.IndexOf('[') < 0 ? -1 : text.IndexOf("[ISL] On ".AsSpan(), StringComparison.Ordinal);
        if (isl >= 0)
        {
            var what = text.Slice(isl + 9);
            var open = JournalSyntax.StartsWith(what, "open,");
            if (open || JournalSyntax.StartsWith(what, "save,"))
            {
                var close = what.LastIndexOf(']');
                var openBracket = close > 0 ? what.Slice(0, close).LastIndexOf('[') : -1;
                var model = openBracket >= 0 ? Windows1252.ToText(what.Slice(openBracket + 1, close - openBracket - 1)) : string.Empty;
                if (open)
                {
                    session.ModelsOpened++;
                }
                else
                {
                    session.ModelsSaved++;
                }

                AddEvent(JournalSeries.Events, open ? JournalEventKind.ModelOpened : JournalEventKind.ModelSaved, model, null, null);
            }

            return;
        }

        if (timestamped && JournalSyntax.Contains(text, "recording journal file"))
        {
            if (JournalSyntax.Contains(text, "started recording journal file"))
            {
                AddEvent(JournalSeries.Events, JournalEventKind.SessionStarted, "started recording journal file", null, null);
                return;
            }

            if (JournalSyntax.Contains(text, "finished recording journal file"))
            {
                session.EndedCleanly = true;
                AddEvent(JournalSeries.Events, JournalEventKind.SessionEnded, "finished recording journal file", null, null);
                return;
            }
        }

        // Revit writes its build in the journal's first lines; a journal without it is not searched to its end.
        if (session.Build is null && session.Lines <= BuildSearchLines)
        {
            var build = text.IndexOf("Build:".AsSpan(), StringComparison.Ordinal);
            // The BasicFileInfo line names the build that last saved a model, not the running Revit.
            if (build >= 0 && !JournalSyntax.Contains(text, "BasicFileInfo"))
            {
                var value = JournalSyntax.TrimStart(text.Slice(build + 6));
                var space = value.IndexOf(' ');
                var token = Windows1252.ToText(space >= 0 ? value.Slice(0, space) : value);
                if (token.Length > 0)
                {
                    session.Build = token;
                }
            }
        }
    }

    private void Memory(ReadOnlySpan<char> text, int? step)
    {
        markers++;
        FlushSample();
        var sample = new JournalMemorySample { Step = step };
        Stamp(sample);
        JournalMemoryLine.Parse(text, sample);
        // Peaks only rise: a line without Peak keeps the last one known, never below Used.
        sample.RamPeakMB = Max(sample.RamPeakMB ?? lastRamPeak, sample.RamUsedMB);
        sample.VmPeakMB = Max(sample.VmPeakMB ?? lastVmPeak, sample.VmUsedMB);
        lastRamPeak = sample.RamPeakMB;
        lastVmPeak = sample.VmPeakMB;
        session.MemorySamples++;
        session.PeakRamMB = Max(session.PeakRamMB, sample.RamPeakMB);
        session.PeakVmMB = Max(session.PeakVmMB, sample.VmPeakMB);
        // Held back one line: the GUI Resource Usage line that follows belongs to it.
        pendingSample = sample;
    }

    private void FlushSample()
    {
        if (pendingSample is not null && (wanted & JournalSeries.Memory) != 0)
        {
            ready.Enqueue(pendingSample);
        }

        pendingSample = null;
    }

    private void Operation(double seconds, string marker, int depth, ReadOnlySpan<char> name)
    {
        session.Operations++;
        if (marker.Length > 0)
        {
            session.SlowOperations++;
        }

        var slowest = session.SlowestOperationSeconds is null || seconds > session.SlowestOperationSeconds;
        if (!slowest && (wanted & JournalSeries.Operations) == 0)
        {
            return;
        }

        var (text, model) = JournalOperationLine.SplitModelPath(name);
        if (slowest)
        {
            session.SlowestOperation = text;
            session.SlowestOperationSeconds = seconds;
        }

        if ((wanted & JournalSeries.Operations) != 0)
        {
            var operation = new JournalOperation { Name = text, Depth = depth, Seconds = seconds, Marker = marker, ModelPath = model };
            Stamp(operation);
            ready.Enqueue(operation);
        }
    }

    private void Statement(ReadOnlySpan<char> line)
    {
        var continues = JournalSyntax.Continues(line);
        var kind = ContinuedStatement.KindOf(line);
        if (kind != StatementKind.Directive && (wanted & JournalSeries.Events) == 0)
        {
            // Without event rows, a command is a count and data nothing: no text to gather.
            session.Commands += kind == StatementKind.Command ? 1 : 0;
            kind = StatementKind.Other;
        }

        if (kind == StatementKind.Other)
        {
            // Mouse moves, key presses, button pushes: nothing to keep, but their continuation lines are theirs.
            statement = continues ? new ContinuedStatement(StatementKind.Other, session.Lines) : null;
            return;
        }

        statement = new ContinuedStatement(kind, session.Lines);
        statement.Append(line);
        if (!continues)
        {
            FinishStatement();
        }
    }

    private void FinishStatement()
    {
        var done = statement;
        statement = null;
        if (done is null || done.Kind == StatementKind.Other)
        {
            return;
        }

        var values = JournalSyntax.QuotedValues(done.Text.AsSpan());
        switch (done.Kind)
        {
            case StatementKind.Command:
                session.Commands++;
                var (description, id) = ContinuedStatement.SplitCommand(values.Count > 1 ? values[1] : string.Empty);
                AddEvent(JournalSeries.Events, JournalEventKind.Command, description, id, values.Count > 0 ? values[0] : null, done.Line);
                break;
            case StatementKind.Directive:
                if (values.Count > 1 && values[0] == "Version" && ContinuedStatement.YearOf(values) is { } year)
                {
                    session.RevitVersion = year;
                }

                break;
            case StatementKind.Data:
                AddEvent(JournalSeries.Events, JournalEventKind.Data, values.Count > 0 ? values[0] : string.Empty,
                    values.Count > 1 ? string.Join(", ", values.GetRange(1, values.Count - 1)) : null, null, done.Line);
                break;
        }
    }

    private void AddEvent(JournalSeries series, JournalEventKind kind, string name, string? detail, string? source, long? line = null)
    {
        if ((wanted & series) == 0)
        {
            return;
        }

        var entry = new JournalEvent { Kind = kind, Name = name, Detail = detail, Source = source };
        Stamp(entry);
        if (line is { } start)
        {
            entry.Line = start;
        }

        ready.Enqueue(entry);
    }

    private void Stamp(JournalEntry entry)
    {
        entry.Journal = session.Name;
        entry.Path = Path;
        entry.Time = now;
        entry.Line = session.Lines;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
