using System;
using RevitPerf.Core.Storage;

namespace RevitPerf.Core.Tests.Storage;

public class PostgreSqlLocationTests
{
    [Fact]
    public void WhenAUriIsGiven_ItBecomesTheSameConnectionAsItsKeyValueForm()
    {
        var builder = PostgreSqlLocation.Parse("postgresql://ci:p%40ss@db.example:6543/perf?sslmode=require&application_name=revitperf");
        Assert.Equal(("db.example", 6543, "perf", "ci", "p@ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("revitperf", builder.ApplicationName);
    }

    [Fact]
    public void WhenALocationIsDescribed_ItsPasswordIsNotInIt()
    {
        var description = PostgreSqlLocation.Describe(PostgreSqlLocation.Parse("Host=db;Port=5432;Database=perf;Username=ci;Password=Secret123"));
        Assert.Equal("PostgreSQL ci@db:5432/perf", description);
        Assert.DoesNotContain("Secret123", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=perf;Username=ci;Password=x", true)]
    [InlineData("Host=db;Database=perf;Username=ci", false)]
    [InlineData("postgresql://ci:x@db/perf", true)]
    [InlineData("postgresql://ci@db/perf", false)]
    [InlineData("Host=db;Password=x;Bogus Key=1", true)]
    public void WhenALocationHoldsAPassword_ItIsSeen(string location, bool expected) =>
        Assert.Equal(expected, RevitPerf.Core.Kernel.ConnectionText.HoldsPassword(location));

    [Fact]
    public void WhenResultsStoreIsGivenAPassword_TheSettingRefusesItWithoutRepeatingIt()
    {
        var ex = Assert.Throws<RevitPerf.Core.Configuration.ConfigurationValueException>(
            () => RevitPerf.Core.Configuration.ConfigurationSchema.ResultsStore.SetValue(new RevitPerf.Core.Configuration.PerformanceConfiguration(), "Host=db;Username=ci;Password=Secret123"));
        Assert.Contains("holds a password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret123", ex.Message + ex.Value, StringComparison.Ordinal);
        Assert.Null(RevitPerf.Core.Configuration.ConfigurationSchema.ResultsStore.Check("Host=db;Username=ci"));
        Assert.Null(RevitPerf.Core.Configuration.ConfigurationSchema.ResultsStore.Check(@"\\server\runs"));
    }

    [Fact]
    public void WhenALocationCannotBeRead_TheErrorDoesNotRepeatIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => PostgreSqlLocation.Parse("Host=db;Password=Secret123;Bogus Key=1"));
        Assert.DoesNotContain("Secret123", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=perf", true)]
    [InlineData("postgresql://db/perf", true)]
    [InlineData("postgres://db/perf", true)]
    [InlineData(@"\\fileserver\perf\runs", false)]
    [InlineData("C:/perf/runs", false)]
    [InlineData("benchmark_results", false)]
    public void WhenALocationIsNamed_ItsKindIsTold(string location, bool postgres) =>
        Assert.Equal(postgres, ResultsStores.IsPostgreSql(location));
}
