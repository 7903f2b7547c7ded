using RevitPerf.Core.Reporting;

namespace RevitPerf.Core.Tests.Reporting;

public class HtmlTests
{
    [Theory]
    [InlineData(0.00025891, "0.0002589")]
    [InlineData(14.002871, "14")]
    [InlineData(0.7605, "0.7605")]
    [InlineData(3861995.4, "3861995")]
    [InlineData(-12.345, "-12.35")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "–")]
    public void WhenANumberIsShown_ItHasAboutFourSignificantDigitsAndNoExponent(double value, string expected) =>
        Assert.Equal(expected, Html.Number(value));

    [Fact]
    public void WhenTextHoldsMarkup_ItIsEscaped() =>
        Assert.Equal("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;", Html.Escape("<script>alert(\"x\")</script> & '"));

    [Fact]
    public void WhenANameHasSpacesSlashesOrAccents_ItsIdHasOnlyLettersDigitsAndDashes() =>
        Assert.Equal("b-cache-hit-ratio--r-sum--", Html.Id("b", "Cache/Hit Ratio (résumé)"));
}
