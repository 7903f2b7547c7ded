using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Kernel;

public class StrictJsonTests
{
    [Fact]
    public void WhenValuesAreNotFinite_StrictJsonWritesNull()
    {
        var text = StrictJson.Write(new[] { double.NaN, double.PositiveInfinity, 1.5 });
        Assert.Equal("[\n  null,\n  null,\n  1.5\n]", text);
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", StrictJson.Write("a\"b\\c\n\u0001"));
        using var parsed = JsonDocument.Parse(StrictJson.Write(new[] { new System.Collections.Generic.KeyValuePair<string, object?>("x", double.NegativeInfinity) }));
        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("x").ValueKind);
    }
}
