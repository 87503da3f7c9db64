using System.Text.Json;
using FlywheelBot.Flywheel.Cli;

namespace FlywheelBot.Tests.Flywheel.Cli;

public sealed class AdviseCommandTests
{
    [Fact]
    public void Json_output_has_the_stable_document_shape()
    {
        var (code, output, error) = Run("--audience", "sdm", "--awareness", "new", "--metric", "leads=3", "--doing", "lead-qualification", "--json");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["audience", "awareness", "community", "bottleneck", "recommendation", "stages", "stopDoing", "missing", "warnings", "focus", "keepDoing"], Names(root));
        Assert.Equal("sdm", root.GetProperty("audience").GetString());
        Assert.Equal("new", root.GetProperty("awareness").GetString());
        Assert.Equal(["stage", "reason", "isOptimisation", "status"], Names(root.GetProperty("bottleneck")));
        Assert.Equal("weak", root.GetProperty("bottleneck").GetProperty("status").GetString());
        Assert.Equal("awareness", root.GetProperty("bottleneck").GetProperty("stage").GetString());
        var recommendation = root.GetProperty("recommendation");
        Assert.Equal(["activity", "title", "why", "firstStep", "metricToWatch", "target", "reviewInDays", "spoke", "currentValue", "targetValue"], Names(recommendation));
        Assert.Equal(JsonValueKind.Null, recommendation.GetProperty("currentValue").ValueKind);
        Assert.Equal(["id", "title", "feeds", "how"], Names(recommendation.GetProperty("spoke")));
        Assert.Equal("thought-leadership", recommendation.GetProperty("spoke").GetProperty("id").GetString());
        Assert.Equal("pr", recommendation.GetProperty("activity").GetString());
        Assert.True(recommendation.GetProperty("reviewInDays").GetInt32() > 0);
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["awareness", "engagement", "conversion", "adoption", "advocacy"], stages.Select(s => s.GetProperty("id").GetString()));
        Assert.All(stages, s => Assert.Equal(["id", "status", "evidence"], Names(s)));
        Assert.Equal("weak", stages[0].GetProperty("status").GetString());
        Assert.Equal(["metric", "value", "verdict", "text"], Names(stages[2].GetProperty("evidence")[0]));
        Assert.Equal(3, stages[2].GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("metric").GetString() == "leads").GetProperty("value").GetDecimal());
        var stop = Assert.Single(root.GetProperty("stopDoing").EnumerateArray());
        Assert.Equal(["activity", "why"], Names(stop));
        Assert.Equal("lead-qualification", stop.GetProperty("activity").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("missing").ValueKind);
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("focus").ValueKind);
    }

    [Fact]
    public void Json_missing_entries_name_the_metric_and_the_assumption()
    {
        var (code, output, _) = Run("--audience", "end-user", "--awareness", "emerging", "--metric", "leads=2", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var missing = document.RootElement.GetProperty("missing").EnumerateArray().ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, m => Assert.Equal(["metric", "assumption"], Names(m)));
        Assert.Contains(missing, m => m.GetProperty("metric").GetString() == "monthly_visitors");
    }

    [Fact]
    public void Text_output_leads_with_the_bottleneck_and_the_one_next_activity()
    {
        var (code, output, error) = Run("--audience", "end-user", "--awareness", "established", "--community", "yes", "--metric", "monthly_visitors=300", "--doing", "referral-program");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.StartsWith("Bottleneck: Awareness", output, StringComparison.Ordinal);
        Assert.Contains("Do this next: Show up where your users already talk [community-outreach]", output, StringComparison.Ordinal);
        Assert.Contains("First step this week:", output, StringComparison.Ordinal);
        Assert.Contains("Watch: monthly_visitors.", output, StringComparison.Ordinal);
        Assert.Contains("Review in 30 days.", output, StringComparison.Ordinal);
        Assert.Contains("Stop doing:\n  - referral-program:", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Optimisations_are_labelled_as_such()
    {
        var (code, output, _) = Run("--audience", "sdm", "--awareness", "established", "--metric", "monthly_visitors=5000", "--metric", "inbound_conversations=9");

        Assert.Equal(0, code);
        Assert.StartsWith("Optimise: Engagement (nothing is on fire)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visitor_to_lead_pct=12", 12)]
    [InlineData("visitor_to_lead_pct=12%", 12)]
    [InlineData("visitor_to_lead_pct=12.5", 12.5)]
    [InlineData("VISITOR_TO_LEAD_PCT=0.5", 0.5)]
    [InlineData("monthly_visitors=1,200", 1200)]
    [InlineData("monthly_visitors=2k", 2000)]
    [InlineData("nps=-5", -5)]
    public void Metric_values_accept_the_usual_ways_of_writing_numbers(string metric, double expected)
    {
        var (code, output, error) = Run("--audience", "sdm", "--awareness", "emerging", "--metric", metric, "--json");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var document = JsonDocument.Parse(output);
        var values = document.RootElement.GetProperty("stages").EnumerateArray()
            .SelectMany(s => s.GetProperty("evidence").EnumerateArray())
            .Where(e => e.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("value").GetDecimal());
        Assert.Equal((decimal)expected, Assert.Single(values));
    }

    [Theory]
    [InlineData("unknown audience 'cto' (sdm, end-user)", "--audience", "cto", "--awareness", "new")]
    [InlineData("unknown awareness 'famous' (new, emerging, established)", "--audience", "sdm", "--awareness", "famous")]
    [InlineData("unknown community 'maybe' (yes, no)", "--audience", "end-user", "--awareness", "new", "--community", "maybe")]
    [InlineData("--audience is required (sdm, end-user)", "--awareness", "new")]
    [InlineData("--awareness is required (new, emerging, established)", "--audience", "sdm")]
    [InlineData("--audience needs a value (sdm, end-user)", "--audience")]
    [InlineData("--audience needs a value (sdm, end-user)", "--audience", "--awareness", "new")]
    [InlineData("--audience is given more than once", "--audience", "sdm", "--audience", "end-user", "--awareness", "new")]
    [InlineData("unknown metric 'visits' (known: monthly_visitors, share_of_voice_pct,", "--audience", "sdm", "--awareness", "new", "--metric", "visits=3")]
    [InlineData("--metric expects id=value, got 'leads'", "--audience", "sdm", "--awareness", "new", "--metric", "leads")]
    [InlineData("--metric leads=lots: 'lots' is not a number", "--audience", "sdm", "--awareness", "new", "--metric", "leads=lots")]
    [InlineData("leads is a count and cannot be negative (got -4)", "--audience", "sdm", "--awareness", "new", "--metric", "leads=-4")]
    [InlineData("visitor_to_lead_pct is a percentage and cannot be over 100 (got 120)", "--audience", "sdm", "--awareness", "new", "--metric", "visitor_to_lead_pct=120%")]
    [InlineData("nps must be from -100 to 100 (got 300)", "--audience", "sdm", "--awareness", "new", "--metric", "nps=300")]
    [InlineData("--metric leads is given more than once", "--audience", "sdm", "--awareness", "new", "--metric", "leads=3", "--metric", "leads=4")]
    [InlineData("unknown activity 'tv-ads' in --doing (known: pr, analyst-relations,", "--audience", "sdm", "--awareness", "new", "--doing", "seo,tv-ads")]
    [InlineData("unknown option '--verbose' (allowed: --audience, --awareness, --community, --metric, --doing, --json, --playbook, --help)", "--audience", "sdm", "--verbose")]
    [InlineData("unexpected argument 'sdm'", "sdm")]
    public void Bad_input_exits_2_with_one_line_naming_the_problem_and_the_allowed_values(string expected, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("advise: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_also_accept_the_equals_form()
    {
        var (code, output, _) = Run("--audience=end-user", "--awareness=new", "--community=no", "--metric=leads=4", "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"activity\": \"ppc\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_prints_usage_on_the_error_stream_and_exits_2()
    {
        var (code, output, error) = Run();

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("Usage: advise --audience", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_usage_and_the_known_ids_and_exits_0(string flag)
    {
        var (code, output, error) = Run(flag);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.StartsWith("Usage: advise --audience", output, StringComparison.Ordinal);
        Assert.Contains("Metric ids: monthly_visitors", output, StringComparison.Ordinal);
        Assert.Contains("Activity ids: pr, analyst-relations", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_team_playbook_exits_1_with_the_file_path_and_problem()
    {
        var file = Given.TempFile("{ \"stages\": [ }");
        try
        {
            var (code, output, error) = Run("--audience", "sdm", "--awareness", "new", "--playbook", file);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains(file, error, StringComparison.Ordinal);
            Assert.Contains("malformed JSON at line 1", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Given.Delete(file);
        }
    }

    [Fact]
    public void A_team_playbook_is_used_when_given()
    {
        var json = Given.ShippedJson();
        json["activities"]![0]!["title"] = "Our own PR push";
        var file = Given.TempFile(json.ToJsonString());
        try
        {
            var (code, output, _) = Run("--audience", "sdm", "--awareness", "new", "--playbook", file);

            Assert.Equal(0, code);
            Assert.Contains("Do this next: Our own PR push [pr]", output, StringComparison.Ordinal);
        }
        finally
        {
            Given.Delete(file);
        }
    }

    [Fact]
    public void User_text_cannot_break_the_json()
    {
        var json = Given.ShippedJson();
        json["activities"]![0]!["title"] = "PR \"quoted\" \\ </script> {braces}";
        var file = Given.TempFile(json.ToJsonString());
        try
        {
            var (code, output, _) = Run("--audience", "sdm", "--awareness", "new", "--playbook", file, "--json");

            Assert.Equal(0, code);
            using var document = JsonDocument.Parse(output);
            Assert.Equal("PR \"quoted\" \\ </script> {braces}", document.RootElement.GetProperty("recommendation").GetProperty("title").GetString());
        }
        finally
        {
            Given.Delete(file);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_document()
    {
        string[] args = ["--audience", "end-user", "--awareness", "emerging", "--metric", "monthly_visitors=9000", "--metric", "activation_pct=4", "--doing", "ppc,seo", "--json"];

        Assert.Equal(Run(args).Output, Run(args).Output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = AdviseCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
