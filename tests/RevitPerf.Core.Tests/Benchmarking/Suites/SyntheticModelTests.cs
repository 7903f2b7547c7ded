using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Tests.Benchmarking;

public class SyntheticModelTests
{
    [Fact]
    public void WhenBuiltTwiceFromOneSeed_TheModelsAreIdentical()
    {
        var a = SyntheticModel.Create(2_000);
        var b = SyntheticModel.Create(2_000);
        Assert.Equal(a.Elements.Select(Describe), b.Elements.Select(Describe));
        Assert.NotEqual(a.Elements.Select(Describe), SyntheticModel.Create(2_000, seed: 7).Elements.Select(Describe));
    }

    [Fact]
    public void WhenBuilt_EveryElementHasRevitLikeData()
    {
        var model = SyntheticModel.Create(10_000);
        Assert.Equal(10_000, model.Elements.Count);
        Assert.Equal(10_000, model.Elements.Select(e => e.Id).Distinct().Count());
        Assert.Equal(SyntheticModel.Categories.OrderBy(c => c), model.Elements.Select(e => e.Category).Distinct().OrderBy(c => c));
        Assert.Equal(10, model.Elements.Select(e => e.Level).Distinct().Count());
        Assert.All(model.Elements, e =>
        {
            Assert.StartsWith(e.Category, e.Family, StringComparison.Ordinal);
            Assert.StartsWith(e.Family, e.Type, StringComparison.Ordinal);
            Assert.IsType<double>(e.GetParameter("Area"));
            Assert.Equal((double)e.Parameters["Area"] * (double)e.Parameters["Height"], (double)e.Parameters["Volume"], tolerance: 0.01);
        });
    }

    [Fact]
    public void WhenOneParameterIsRead_ItIsTheElementsValue()
    {
        var model = SyntheticModel.Create(100);
        var element = model.Elements[42];
        Assert.Equal((double)element.Parameters["Height"], model.ReadParameter(element.Id, "Height"));
        Assert.Throws<KeyNotFoundException>(() => model.ReadParameter(element.Id, "Mark"));
        Assert.Throws<KeyNotFoundException>(() => model.GetElement(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticModel.Create(0));
    }

    [Fact]
    public void WhenTheComplexQueryRuns_ItMatchesAPlainRecomputation()
    {
        var model = SyntheticModel.Create(10_000);
        var expected = model.Elements
            .Where(e => SyntheticModel.QueriedCategories.Contains(e.Category) && (double)e.Parameters["Height"] > 2.5 && (string)e.Parameters["Phase"] == "New Construction")
            .GroupBy(e => (e.Level, e.Category))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Area: g.Sum(e => (double)e.Parameters["Area"])));
        var rows = model.QueryByLevelAndCategory();
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(expected[(r.Level, r.Category)].Count, r.Count);
            Assert.Equal(expected[(r.Level, r.Category)].Area, r.TotalArea, 6);
        });
        Assert.Equal("Level 1", rows[0].Level);
        Assert.Equal("Level 10", rows[^1].Level);
    }

    private static string Describe(SyntheticElement e) =>
        $"{e.Id}|{e.Category}|{e.Level}|{e.Family}|{e.Type}|" + string.Join(",", e.Parameters.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value));
}
