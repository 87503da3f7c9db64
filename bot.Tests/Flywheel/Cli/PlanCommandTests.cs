using System.Text.Json;
using FlywheelBot.Flywheel.Cli;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Flywheel.Cli;

public sealed class PlanCommandTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Json_output_has_exactly_the_documented_shape()
    {
        var (code, output, error) = Run("--goal", "leads=50", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "emerging", "--name", "Spring push", "--json");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["name", "goal", "audience", "awareness", "stages"], Names(root));
        Assert.Equal("Spring push", root.GetProperty("name").GetString());
        Assert.Equal(["metric", "target", "by"], Names(root.GetProperty("goal")));
        Assert.Equal("leads", root.GetProperty("goal").GetProperty("metric").GetString());
        Assert.Equal(50, root.GetProperty("goal").GetProperty("target").GetDecimal());
        Assert.Equal("2027-03-31", root.GetProperty("goal").GetProperty("by").GetString());
        Assert.Equal("sdm", root.GetProperty("audience").GetString());
        Assert.Equal("emerging", root.GetProperty("awareness").GetString());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["awareness", "engagement", "conversion", "adoption", "advocacy"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.All(stages, s =>
        {
            Assert.Equal(["stage", "activity", "title", "why", "metric", "spoke"], Names(s));
            Assert.Equal(JsonValueKind.String, s.GetProperty("spoke").ValueKind);
        });
    }

    [Fact]
    public void End_user_plans_write_spoke_as_null()
    {
        var (code, output, _) = Run("--goal=activation_pct=40%", "--by=2027-01-31", "--audience=end-user", "--awareness=new", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(40, document.RootElement.GetProperty("goal").GetProperty("target").GetDecimal());
        Assert.All(document.RootElement.GetProperty("stages").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("spoke").ValueKind));
    }

    [Theory]
    [InlineData("plan: --goal is given more than once", "--goal", "leads=50", "--goal", "nps=30", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: unknown metric 'lead' in --goal (allowed: monthly_visitors,", "--goal", "lead=50", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: the date 1 Dec 2026 is in the past (today is 2 Dec 2026)", "--goal", "leads=50", "--by", "2026-12-01", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: --by expects a date as yyyy-mm-dd, got '31/03/2027'", "--goal", "leads=50", "--by", "31/03/2027", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: --goal expects metric=target", "--goal", "leads", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: --goal leads: 'lots' is not a number", "--goal", "leads=lots", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "new")]
    [InlineData("plan: --audience is required (sdm, end-user)", "--goal", "leads=50", "--by", "2027-03-31", "--awareness", "new")]
    [InlineData("plan: unknown awareness 'huge' (new, emerging, established)", "--goal", "leads=50", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "huge")]
    [InlineData("plan: unknown option '--metric'", "--goal", "leads=50", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "new", "--metric", "nps=3")]
    public void Bad_input_exits_2_with_one_clear_line(string expected, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void No_arguments_print_usage_and_exit_2_and_help_exits_0()
    {
        Assert.Equal(2, Run().Code);
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage: plan --goal", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_lists_the_five_stages_with_their_activity_and_spoke()
    {
        var (code, output, _) = Run("--goal", "leads=50", "--by", "2027-03-31", "--audience", "sdm", "--awareness", "emerging");

        Assert.Equal(0, code);
        Assert.StartsWith("Campaign: New leads per month: 50 by 31 Mar 2027", output, StringComparison.Ordinal);
        Assert.Contains("3. Conversion: ", output, StringComparison.Ordinal);
        Assert.Contains(", spoke partner-programs]", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PlanCommand.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
