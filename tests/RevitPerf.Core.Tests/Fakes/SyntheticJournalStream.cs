using System;
using System.IO;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>
/// A journal of any length that exists only as it is read: a head, a body repeated until the length is reached (whole
/// bodies only), then a tail. Nothing of it is held but the three parts.
/// </summary>
internal sealed class SyntheticJournalStream : Stream
{
    private readonly byte[] _head;
    private readonly byte[] _body;
    private readonly byte[] _tail;
    private readonly long _bodies;
    private long _position;

    public SyntheticJournalStream(byte[] head, byte[] body, byte[] tail, long targetBytes)
    {
        _head = head;
        _body = body;
        _tail = tail;
        _bodies = Math.Max(1, (targetBytes - head.Length - tail.Length) / body.Length);
        Length = head.Length + (_bodies * body.Length) + tail.Length;
    }

    public long Bodies => _bodies;

    public override long Length { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < Length)
        {
            byte[] part;
            long at;
            if (_position < _head.Length)
            {
                part = _head;
                at = _position;
            }
            else if (_position < _head.Length + (_bodies * _body.Length))
            {
                part = _body;
                at = (_position - _head.Length) % _body.Length;
            }
            else
            {
                part = _tail;
                at = _position - _head.Length - (_bodies * _body.Length);
            }

            var n = (int)Math.Min(count - written, part.Length - at);
            Array.Copy(part, at, buffer, offset + written, n);
            written += n;
            _position += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
