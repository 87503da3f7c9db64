using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.CheckIns;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.CheckIns;

public sealed class EngineCheckInAdviceTests
{
    private readonly EngineCheckInAdvice _advice = new(new DiagnosisEngine(PlaybookLoader.LoadDefault()));

    [Theory]
    [InlineData("visitors", "monthly_visitors")]
    [InlineData("Monthly visitors", "monthly_visitors")]
    [InlineData("monthly_visitors", "monthly_visitors")]
    [InlineData("NPS", "nps")]
    [InlineData("churn", "monthly_churn_pct")]
    [InlineData("activation", "activation_pct")]
    [InlineData("inbound conversations", "inbound_conversations")]
    [InlineData("leads", "leads")]
    [InlineData("referrals", "referrals")]
    [InlineData("share of voice", "share_of_voice_pct")]
    [InlineData("visits", "monthly_visitors")]
    [InlineData("demo requests", "inbound_conversations")]
    [InlineData("win rate", "lead_to_customer_pct")]
    public void Typed_metric_names_resolve_to_playbook_ids(string name, string expected)
    {
        Assert.True(_advice.TryResolveMetric(name, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("next")]
    [InlineData("week")]
    public void Unknown_names_do_not_resolve(string name) => Assert.False(_advice.TryResolveMetric(name, out _));

    [Theory]
    [InlineData("monthly_visitors", "5,400", 5400)]
    [InlineData("monthly_visitors", "5.4k", 5400)]
    [InlineData("activation_pct", "36%", 36)]
    [InlineData("nps", "-20", -20)]
    public void Values_are_read_with_the_engine_parser(string id, string text, decimal expected)
    {
        Assert.True(_advice.TryParseValue(id, text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("activation_pct", "140%")]
    [InlineData("monthly_visitors", "lots")]
    public void Impossible_values_are_refused(string id, string text) => Assert.False(_advice.TryParseValue(id, text, out _));

    [Fact]
    public void The_check_in_asks_for_the_metric_to_watch_and_the_bottleneck_stage_metrics()
    {
        var profile = new TeamProfile(
            Audience.Sdm, MarketAwareness.Emerging, Community.Unknown,
            ImmutableDictionary<string, decimal>.Empty.Add("monthly_visitors", 5000).Add("inbound_conversations", 1),
            ImmutableHashSet<string>.Empty, DateTimeOffset.UnixEpoch);
        var diagnosis = _advice.Diagnose(profile.ToDiagnosisInput());
        var fields = _advice.MetricsToAsk(profile, diagnosis, diagnosis.Recommendation.MetricToWatch);

        Assert.Equal(diagnosis.Recommendation.MetricToWatch, fields[0].Id);
        var deciding = PlaybookLoader.LoadDefault().DecidingMetrics(Audience.Sdm, diagnosis.Bottleneck.Stage).Select(m => m.Id);
        Assert.Subset(deciding.Append(diagnosis.Recommendation.MetricToWatch).ToHashSet(), fields.Select(f => f.Id).ToHashSet());
        Assert.InRange(fields.Length, 1, EngineCheckInAdvice.MaxFields);
        Assert.DoesNotContain("(%)", string.Concat(fields.Select(f => f.Label)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_playbook_s_words_reach_check_ins_and_the_advisor_alike()
    {
        var json = FlywheelBot.Tests.Flywheel.Given.ShippedJson();
        json["metrics"]!.AsArray().Single(m => (string?)m!["id"] == "monthly_visitors")!["aliases"] = new System.Text.Json.Nodes.JsonArray("footfall");
        var engine = new DiagnosisEngine(PlaybookLoader.Parse(json.ToJsonString(), "custom.json"));

        Assert.True(new EngineCheckInAdvice(engine).TryResolveMetric("footfall", out var id));
        Assert.Equal("monthly_visitors", id);
        Assert.False(new EngineCheckInAdvice(engine).TryResolveMetric("traffic", out _));

        var input = new AdvisorInput(FlywheelBot.Conversations.TurnKind.Message, FlywheelBot.Conversations.ConversationScope.Channel, "footfall is 4,000", ImmutableDictionary<string, string>.Empty, null);
        var intent = IntentReader.Read(input, new PlaybookGuide(engine));
        Assert.Equal((IntentKind.MetricUpdate, "monthly_visitors", "4,000"), (intent.Kind, intent.MetricId, intent.Value));
    }

    [Fact]
    public void Without_a_team_profile_nothing_is_asked() => Assert.Empty(_advice.MetricsToAsk(null, null, null));
}
