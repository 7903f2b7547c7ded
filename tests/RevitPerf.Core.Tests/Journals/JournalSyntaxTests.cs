using System;
using RevitPerf.Core.Journals;

namespace RevitPerf.Core.Tests.Journals;

public class JournalSyntaxTests
{
    [Theory]
    [InlineData("02-Feb-2025 09:15:02.481;", 2025, 2, 2, 9, 15, 2, 481)]
    [InlineData("2-feb-2025 9:15:02;", 2025, 2, 2, 9, 15, 2, 0)]
    [InlineData("31-Dec-1999 23:59:59.5 rest", 1999, 12, 31, 23, 59, 59, 500)]
    public void WhenATimeStampIsWellFormed_ItIsReadToTheMillisecond(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        Assert.True(JournalSyntax.TryParseTimestamp(text.AsSpan(), out var time, out _));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms), time);
    }

    [Theory]
    [InlineData("02-Foo-2025 09:15:02.481")]
    [InlineData("30-Feb-2025 09:15:02.481")]
    [InlineData("02-Feb-2025 25:15:02.481")]
    [InlineData("02-Feb-25 09:15:02")]
    [InlineData("02-Feb")]
    public void WhenATimeStampIsMalformed_ItIsNotOne(string text) =>
        Assert.False(JournalSyntax.TryParseTimestamp(text.AsSpan(), out _, out _));

    [Fact]
    public void WhenQuotedValuesHoldDoubledQuotes_TheyAreOneQuote()
    {
        var values = JournalSyntax.QuotedValues("Jrn.Data \"Key\" , \"say \"\"hi\"\"\", \"\"".AsSpan());
        Assert.Equal(new[] { "Key", "say \"hi\"", string.Empty }, values);
    }

    [Theory]
    [InlineData(" +30 -> 700 MB", 700)]
    [InlineData(" 700 MB", 700)]
    [InlineData(" -20 -> 11800 MB", 11800)]
    [InlineData(" 49", 49)]
    public void WhenAMemoryFieldHasADeltaOrNot_ItsValueIsTheCurrentFigure(string field, double expected) =>
        Assert.Equal(expected, JournalSyntax.FieldValue(field.AsSpan()));

    [Theory]
    [InlineData(@"C:\Users\me\AppData\Local\Autodesk\Revit\Autodesk Revit 2024\Journals\journal.0001.txt", "2024")]
    [InlineData("/tmp/journal.0001.txt", null)]
    [InlineData(@"C:\Autodesk Revit 20\journal.txt", null)]
    public void WhenTheJournalsFolderNamesARelease_ThatIsTheVersionFallback(string path, string? expected) =>
        Assert.Equal(expected, JournalSyntax.VersionFromPath(path));
}
