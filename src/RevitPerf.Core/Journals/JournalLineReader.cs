using System;
using System.IO;
using System.Text;

namespace RevitPerf.Core.Journals;

/// <summary>
/// Splits a byte stream into lines (CRLF or LF) with a fixed pair of buffers, so memory does not grow with the file:
/// a line is a span into the buffer, valid until the next read. A line longer than <see cref="MaxLineChars"/> is cut
/// there and the rest of it skipped.
/// </summary>
internal sealed class JournalLineReader
{
    internal const int MaxLineChars = 64 * 1024;
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly Decoder decoder;
    private readonly byte[] bytes = new byte[ChunkBytes];
    private readonly char[] chars = new char[MaxLineChars + ChunkBytes];
    private int start;
    private int end;
    private bool endOfStream;
    private bool skippingRest;

    internal JournalLineReader(Stream stream, Encoding encoding)
    {
        this.stream = stream;
        decoder = encoding.GetDecoder();
    }

    internal long BytesRead { get; private set; }

    internal long LinesCut { get; private set; }

    internal bool LastLineIncomplete { get; private set; }

    /// <summary>The next line without its terminator; false at the end of the stream.</summary>
    internal bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = new ReadOnlySpan<char>(chars, start, end - start);
            var newline = pending.IndexOf('\n');
            if (newline >= 0)
            {
                start += newline + 1;
                if (skippingRest)
                {
                    skippingRest = false;
                    continue;
                }

                line = TrimCarriageReturn(pending.Slice(0, newline));
                return true;
            }

            if (skippingRest)
            {
                start = end;
            }
            else if (end - start >= MaxLineChars)
            {
                // A runaway line: keep its start, drop the rest up to the next newline.
                line = pending.Slice(0, MaxLineChars);
                start += MaxLineChars;
                skippingRest = true;
                LinesCut++;
                return true;
            }

            if (endOfStream)
            {
                if (end > start && !skippingRest)
                {
                    line = TrimCarriageReturn(pending);
                    start = end;
                    LastLineIncomplete = true;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<char> TrimCarriageReturn(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[line.Length - 1] == '\r' ? line.Slice(0, line.Length - 1) : line;

    private void Fill()
    {
        if (start > 0)
        {
            Array.Copy(chars, start, chars, 0, end - start);
            end -= start;
            start = 0;
        }

        var read = stream.Read(bytes, 0, bytes.Length);
        if (read == 0)
        {
            endOfStream = true;
            end += decoder.GetChars(bytes, 0, 0, chars, end, flush: true);
            return;
        }

        BytesRead += read;
        // A single-byte code page gives one character per byte, so the chunk always fits behind a kept line.
        end += decoder.GetChars(bytes, 0, read, chars, end, flush: false);
    }
}
