using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkSelectionTests
{
    [Fact]
    public void WhenNothingIsGiven_EveryBenchmarkAndEveryBuiltInSuiteIsSelected()
    {
        var selection = new BenchmarkSelection(null, null);
        Assert.True(selection.Selects("Any", "Thing"));
        Assert.Equal(BuiltInSuites.Names, selection.BuiltInSuites(out var notFound));
        Assert.Empty(notFound);
    }

    [Fact]
    public void WhenSuitesAreNamed_AllNamesEverySuiteWildcardsMatchAndUnknownLiteralsAreReported()
    {
        Assert.Equal(BuiltInSuites.Names, new BenchmarkSelection(new[] { "all" }, null).BuiltInSuites(out _));

        // All selects the benchmarks of every suite too, not only the suites: -Suite All ran nothing before.
        var all = new BenchmarkSelection(new[] { "All" }, new[] { "SimpleElementAccess" });
        Assert.True(all.Selects("Api", "SimpleElementAccess"));
        Assert.True(all.Selects("Throughput", "SimpleElementAccess"));
        Assert.False(all.Selects("Api", "ComplexQuery"));
        var selection = new BenchmarkSelection(new[] { "Memory", "C*", "Nope", "X*" }, null);
        Assert.Equal(new[] { "Cache", "Memory" }, selection.BuiltInSuites(out var notFound));
        Assert.Equal(new[] { "Nope" }, notFound);
    }

    [Fact]
    public void WhenNamesAreGiven_TheyMatchWithoutCaseAndLiteralsThatMatchNothingAreListed()
    {
        var selection = new BenchmarkSelection(new[] { "api" }, new[] { "simple*", "Missing" });
        Assert.True(selection.Selects("Api", "SimpleElementAccess"));
        Assert.False(selection.Selects("Cache", "SimpleElementAccess"));
        Assert.False(selection.Selects("Api", "ComplexQuery"));
        Assert.Equal(new[] { "Missing" }, selection.UnmatchedNames(new[] { "SimpleElementAccess" }));
    }

    [Fact]
    public void WhenAPatternCannotBeMatched_TheSelectionIsRefused() =>
        Assert.Throws<InvalidWildcardPatternException>(() => new BenchmarkSelection(new[] { "[z-a]" }, null));
}
