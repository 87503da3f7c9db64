using System.Text.Json.Nodes;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

public sealed class PlaybookLoaderTests
{
    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "unknown stage", "$.activities[3].stage", "unknown stage 'awarness'" },
        { "activity not defined", "$.plays[0].ranked[1]", "activity 'press-release' is referenced but not defined" },
        { "threshold not a number", "$.metrics[0].thresholds.sdm.weak", "must be a number, got \"lots\"" },
        { "duplicate id", "$.activities[1].id", "duplicate id 'pr'" },
        { "missing field", "$.activities[2].firstStep", "missing required field" },
        { "inverted higher", "$.metrics[0].thresholds.sdm", "inverted: higher is better" },
        { "inverted lower", "$.metrics[12].thresholds.sdm", "inverted: lower is better" },
        { "unknown audience", "$.metrics[0].thresholds.cto", "unknown audience 'cto' (allowed: sdm, end-user)" },
        { "metric not defined", "$.activities[0].metric", "metric 'press_mentions' is referenced but not defined" },
        { "gate metric not defined", "$.gates[0].blockWhen.metric", "metric 'lead_count' is referenced but not defined" },
        { "unknown unit", "$.metrics[0].unit", "unknown unit 'people' (allowed: per-month, percent, score, hours)" },
        { "unknown direction", "$.metrics[0].direction", "unknown direction 'up'" },
        { "unknown effort", "$.activities[0].effort", "unknown effort 'huge'" },
        { "review days", "$.activities[0].reviewInDays", "whole number of days" },
        { "stage order", "$.stages", "stages must be in flywheel order" },
        { "missing stage", "$.stages", "missing stage(s) advocacy" },
        { "placeholder", "$.stopDoing[0].why", "unknown placeholder '{team}'" },
        { "wrong stage in play", "$.plays[2].ranked[0]", "activity 'seo' works on awareness, not engagement" },
        { "audience misfit", "$.plays[0].ranked[0]", "activity 'community-outreach' does not list audience sdm" },
        { "no default play", "$.plays", "no default play (one without 'when') for audience sdm at stage awareness" },
        { "unreachable play", "$.plays[1]", "can never be chosen" },
        { "all gated", "$.plays[9].ranked", "every activity here can be blocked by a gate" },
        { "percent range", "$.metrics[1].thresholds.sdm.healthy", "outside the metric's range" },
        { "route not defined", "$.gates[3].route", "activity 'fix-the-product' is referenced but not defined" },
        { "not a list", "$.activities[0].audiences", "must be a list, got \"sdm\"" },
        { "alias claimed twice", "$.metrics[2].aliases[0]", "'Traffic' is already an alias of monthly_visitors" },
        { "alias with digits", "$.metrics[0].aliases[0]", "'top 10 visitors' must be words only" },
        { "alias not text", "$.metrics[0].aliases[1]", "must be a non-empty text" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_playbook_names_the_file_the_json_path_and_the_problem(string breakage, string path, string problem)
    {
        var (error, file) = Given.BrokenPlaybook(json => Break(json, breakage));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.Path == path && p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var (error, _) = Given.BrokenPlaybook(json =>
        {
            Break(json, "unknown stage");
            Break(json, "threshold not a number");
            Break(json, "missing field");
        });

        Assert.Equal(3, error.Problems.Length);
        Assert.Contains("(3 problems)", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.activities[3].stage", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.metrics[0].thresholds.sdm.weak", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.activities[2].firstStep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_also_reports_what_referred_to_the_lost_entry()
    {
        var (error, _) = Given.BrokenPlaybook(json => Break(json, "duplicate id"));

        Assert.Equal("$.activities[1].id", error.Problems[0].Path);
        Assert.All(error.Problems.Skip(1), p => Assert.Contains("'analyst-relations' is referenced but not defined", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"stages\": [ }", 1, "line 1, position 15")]
    [InlineData("{\n  \"name\": \"x\",\n  \"stages\": [1,,2]\n}", 1, "line 3")]
    [InlineData("[1, 2", 1, "malformed JSON")]
    [InlineData("", 1, "malformed JSON")]
    public void Malformed_json_is_reported_with_line_and_position(string text, int problems, string expected)
    {
        var (error, file) = Given.BrokenPlaybook(text);

        Assert.Equal(problems, error.Problems.Length);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_playbook_that_is_not_an_object_says_so()
    {
        var (error, _) = Given.BrokenPlaybook("[]");

        Assert.Contains("$: must be an object, got a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-playbook-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<PlaybookException>(() => PlaybookLoader.LoadFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_playbook_with_changed_numbers_is_used()
    {
        var json = Given.ShippedJson();
        json["metrics"]![0]!["thresholds"]!["sdm"]!["weak"] = 5000;
        json["metrics"]![0]!["thresholds"]!["sdm"]!["healthy"] = 9000;
        var file = Given.TempFile(json.ToJsonString());
        try
        {
            var playbook = PlaybookLoader.Load(file);
            var diagnosis = new DiagnosisEngine(playbook).Diagnose(Given.Input(Audience.Sdm, MarketAwareness.Established, "monthly_visitors=3000"));

            Assert.Equal(Path.GetFullPath(file), playbook.Source);
            Assert.Equal(StageStatus.Weak, diagnosis.Stages[0].Status);
        }
        finally
        {
            Given.Delete(file);
        }
    }

    [Fact]
    public void Comments_and_trailing_commas_are_tolerated_and_unknown_fields_ignored()
    {
        var json = Given.ShippedJson();
        json["owner"] = "growth team";
        var text = "// our playbook\n" + json.ToJsonString().TrimEnd('}') + ",}";

        var playbook = PlaybookLoader.Parse(text, "team.json");

        Assert.Equal(Given.Playbook.Activities.Length, playbook.Activities.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_path_means_the_built_in_playbook(string? path)
    {
        var playbook = PlaybookLoader.Load(path);

        Assert.Equal(PlaybookLoader.DefaultSource, playbook.Source);
    }

    private static void Break(JsonObject json, string breakage)
    {
        var metrics = json["metrics"]!.AsArray();
        var activities = json["activities"]!.AsArray();
        var plays = json["plays"]!.AsArray();
        var gates = json["gates"]!.AsArray();
        switch (breakage)
        {
            case "unknown stage": activities[3]!["stage"] = "awarness"; break;
            case "alias claimed twice":
                Assert.Equal("inbound_conversations", (string?)metrics[2]!["id"]);
                metrics[2]!["aliases"] = new JsonArray("Traffic");
                break;
            case "alias with digits": metrics[0]!["aliases"]![0] = "top 10 visitors"; break;
            case "alias not text": metrics[0]!["aliases"]![1] = 7; break;
            case "activity not defined": plays[0]!["ranked"]![1] = "press-release"; break;
            case "threshold not a number": metrics[0]!["thresholds"]!["sdm"]!["weak"] = "lots"; break;
            case "duplicate id": activities[1]!["id"] = "pr"; break;
            case "missing field": activities[2]!.AsObject().Remove("firstStep"); break;
            case "inverted higher":
                metrics[0]!["thresholds"]!["sdm"]!["weak"] = 2000;
                metrics[0]!["thresholds"]!["sdm"]!["healthy"] = 300;
                break;
            case "inverted lower":
                Assert.Equal("monthly_churn_pct", (string?)metrics[12]!["id"]);
                metrics[12]!["thresholds"]!["sdm"]!["weak"] = 1;
                metrics[12]!["thresholds"]!["sdm"]!["healthy"] = 3;
                break;
            case "unknown audience": metrics[0]!["thresholds"]!["cto"] = JsonNode.Parse("""{ "weak": 1, "healthy": 2, "source": "x" }"""); break;
            case "metric not defined": activities[0]!["metric"] = "press_mentions"; break;
            case "gate metric not defined": gates[0]!["blockWhen"]!["metric"] = "lead_count"; break;
            case "unknown unit": metrics[0]!["unit"] = "people"; break;
            case "unknown direction": metrics[0]!["direction"] = "up"; break;
            case "unknown effort": activities[0]!["effort"] = "huge"; break;
            case "review days": activities[0]!["reviewInDays"] = 2.5; break;
            case "stage order":
                var stages = json["stages"]!.AsArray();
                var first = stages[0]!.DeepClone();
                stages.RemoveAt(0);
                stages.Add(first);
                break;
            case "missing stage": json["stages"]!.AsArray().RemoveAt(4); break;
            case "placeholder": json["stopDoing"]![0]!["why"] = "{activity} is not for {team}"; break;
            case "wrong stage in play":
                Assert.Equal("engagement", (string?)plays[2]!["stage"]);
                plays[2]!["ranked"]![0] = "seo";
                break;
            case "audience misfit": plays[0]!["ranked"]![0] = "community-outreach"; break;
            case "no default play": plays.RemoveAt(1); break;
            case "unreachable play":
                // The default SDM awareness play moved in front of the new-market one: the latter can never win.
                var defaultAwareness = plays[1]!.DeepClone();
                plays.RemoveAt(1);
                plays.Insert(0, defaultAwareness);
                break;
            case "all gated":
                Assert.Equal("advocacy", (string?)plays[9]!["stage"]);
                plays[9]!["ranked"] = new JsonArray("referral-program", "case-studies");
                break;
            case "percent range": metrics[1]!["thresholds"]!["sdm"]!["healthy"] = 150; break;
            case "route not defined": gates[3]!["route"] = "fix-the-product"; break;
            case "not a list": activities[0]!["audiences"] = "sdm"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
