using FlywheelBot.Bench;

namespace FlywheelBot.Tests.Bench;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Targets_are_measured_reference_first_whatever_order_they_are_given_in()
    {
        var options = BenchOptions.Parse(["--targets", "postgres,sqlite,botbuilder", "--postgres", "Host=db"])!;

        Assert.Equal([Targets.Botbuilder, Targets.Sqlite, Targets.Postgres], options.Targets);
    }

    [Fact]
    public void The_published_app_is_measured_after_the_bench_hosts_and_every_target_is_measured_by_default()
    {
        var chosen = BenchOptions.Parse(["--targets", "postgres-published,sqlite,sqlite-published", "--postgres", "Host=db"])!;
        var all = BenchOptions.Parse(["--postgres", "Host=db"])!;

        Assert.Equal([Targets.Sqlite, Targets.SqlitePublished, Targets.PostgresPublished], chosen.Targets);
        Assert.Equal([Targets.Botbuilder, Targets.Sqlite, Targets.Postgres, Targets.PostgresStore, Targets.SqlitePublished, Targets.PostgresPublished], all.Targets);
    }

    [Fact]
    public void Postgres_is_left_out_without_a_connection_string()
    {
        var saved = Environment.GetEnvironmentVariable("FLYWHEEL_TEST_POSTGRES");
        try
        {
            Environment.SetEnvironmentVariable("FLYWHEEL_TEST_POSTGRES", null);
            var options = BenchOptions.Parse(["--targets", "sqlite,postgres,postgres-store,postgres-published,sqlite-published"])!;

            Assert.Equal([Targets.Sqlite, Targets.SqlitePublished], options.Targets);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLYWHEEL_TEST_POSTGRES", saved);
        }
    }

    [Fact]
    public void None_measures_only_the_cold_start_and_numbers_are_read()
    {
        var options = BenchOptions.Parse(["--targets", "none", "--cold-starts", "3", "--connections", "8", "--published", "/tmp/app"])!;

        Assert.Empty(options.Targets);
        Assert.Equal((3, 8, "/tmp/app"), (options.ColdStarts, options.Connections, options.PublishedApp));
    }

    [Theory]
    [InlineData("--targets", "mysql")]
    [InlineData("--connections", "0")]
    [InlineData("--cold-starts", "-1")]
    [InlineData("--conversations", "many")]
    [InlineData("--unknown", "1")]
    public void A_bad_argument_gets_the_usage(string name, string value)
    {
        Assert.Null(BenchOptions.Parse([name, value]));
    }
}
