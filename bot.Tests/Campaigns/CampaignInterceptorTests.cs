using FlywheelBot.Storage;
using System.Collections.Immutable;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Campaigns;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Tests.CheckIns;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Campaigns;

/// <summary>One goal at a time (replaced only after a confirmation), campaigns with their own flywheel, goal and history.</summary>
public sealed class CampaignInterceptorTests
{
    private const string Key = "test:team";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTeamProfileStore profiles = new();
    private readonly EngineCheckInAdvice advice = new(Given.Engine);

    public CampaignInterceptorTests() =>
        profiles.Set(Key, new TeamProfile(
            Audience.Sdm, MarketAwareness.Emerging, Community.Unknown,
            ImmutableDictionary<string, decimal>.Empty.Add("leads", 8).Add("monthly_visitors", 2400), ImmutableHashSet<string>.Empty, clock.GetUtcNow()));

    [Fact]
    public async Task A_goal_is_set_with_its_baseline_and_shown_with_progress()
    {
        var set = await Say("goal 50 leads a month by 31 March");

        var goal = (await profiles.GetAsync(Key, default))!.Goal!;
        Assert.Equal(("leads", 50m, new DateOnly(2027, 3, 31), (decimal?)8), (goal.MetricId, goal.Target, goal.By, goal.Baseline));
        Assert.StartsWith("Goal set: New leads per month 50 by 31 Mar 2027.", Text(set), StringComparison.Ordinal);
        Assert.Contains("now 8, 42 to go; 119 days left", Text(await Say("goal")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_goal_replaces_the_old_one_only_after_a_confirmation()
    {
        await Say("goal 50 leads by 31 March");

        var ask = Assert.IsType<NoticeView>((await Say("goal 3000 visitors by 30 April")).Replies.Single());

        Assert.Equal("leads", (await profiles.GetAsync(Key, default))!.Goal!.MetricId);
        Assert.Contains("One goal at a time", ask.Text, StringComparison.Ordinal);
        var replace = ask.Actions.Single(a => a.Command == CampaignInterceptor.ReplaceCommand);
        var pressed = await Interceptor().TryHandleAsync(
            new InboundTurn(Key, ConversationScope.Personal, TurnKind.AnswerInPlace, "user", null, null, replace.Data.ToImmutableDictionary(), null), default);
        Assert.StartsWith("Goal set: Website visitors per month 3,000 by 30 Apr 2027", Text(pressed!, inPlace: true), StringComparison.Ordinal);
        Assert.Equal("monthly_visitors", (await profiles.GetAsync(Key, default))!.Goal!.MetricId);

        await Say("goal 60 leads by 31 May");
        var keep = await Interceptor().TryHandleAsync(
            new InboundTurn(Key, ConversationScope.Personal, TurnKind.AnswerInPlace, "user", null, null, ImmutableDictionary<string, string>.Empty.Add("cmd", CampaignInterceptor.KeepCommand), null), default);
        Assert.Equal("Kept the current goal.", Text(keep!, inPlace: true));
        Assert.Equal("monthly_visitors", (await profiles.GetAsync(Key, default))!.Goal!.MetricId);
    }

    [Theory]
    [InlineData("goal 50 leads by 1 December 2026", "the date 1 Dec 2026 is in the past")]
    [InlineData("goal 150% activation by 31 March", "activation_pct is")]
    [InlineData("goal 50 unicorns by 31 March", "I don't know the metric")]
    public async Task A_goal_that_cannot_be_set_is_refused_politely(string text, string expected)
    {
        Assert.Contains(expected, Text(await Say(text)), StringComparison.Ordinal);
        Assert.Null((await profiles.GetAsync(Key, default))!.Goal);
    }

    [Fact]
    public async Task Campaigns_get_their_own_flywheel_and_goal_and_can_run_side_by_side()
    {
        var spring = Text(await Say("campaign Spring launch: 50 leads by 31 March"));
        await Say("campaign Partner push: 3000 visitors by 30 April");

        var profile = (await profiles.GetAsync(Key, default))!;
        Assert.Equal(["spring-launch", "partner-push"], profile.Campaigns.Select(c => c.Id));
        Assert.All(profile.Campaigns, c => Assert.Equal(5, c.Plan.Stages.Length));
        Assert.Contains("1. Awareness: ", spring, StringComparison.Ordinal);
        Assert.Contains("(Partner programmes)", spring, StringComparison.Ordinal);
        var list = Text(await Say("campaigns"));
        Assert.Contains("Running campaigns (2)", list, StringComparison.Ordinal);

        await Say("end campaign Spring launch");
        Assert.Equal(["partner-push"], (await profiles.GetAsync(Key, default))!.Campaigns.Where(c => c.IsRunning).Select(c => c.Id));
    }

    [Fact]
    public async Task Check_ins_ask_for_each_running_campaign_s_goal_metric_and_keep_separate_histories()
    {
        await Say("campaign Spring launch: 50 leads by 31 March");
        await Say("campaign Churn fix: 2% churn by 30 June");
        var profile = (await profiles.GetAsync(Key, default))!;
        var asked = advice.MetricsToAsk(profile, advice.Diagnose(profile.ToDiagnosisInput()), null).Select(m => m.Id).ToList();
        Assert.Contains("leads", asked);
        Assert.Contains("monthly_churn_pct", asked);

        var store = new InMemoryDocumentStore(clock);
        var history = new HistoryStore(store, NullLogger<HistoryStore>.Instance);
        var recorder = new HistoryRecorder(history, new CheckInRepository(store, NullLogger<CheckInRepository>.Instance), Microsoft.Extensions.Options.Options.Create(new CheckInOptions()));
        var handler = new CheckInAnswerHandler(profiles, recorder, history, advice, clock);
        var result = Assert.IsType<CheckInResultView>(await handler.HandleAsync(Key, [KeyValuePair.Create("leads", "12"), KeyValuePair.Create("monthly_churn_pct", "4")], default));

        Assert.Contains(result.Notes, n => n.StartsWith("Campaign \"Spring launch\": Goal: New leads per month: 50", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("Campaign \"Churn fix\": Goal: Monthly customer churn", StringComparison.Ordinal));
        var spring = await history.RecentAsync(CampaignHistory.Key(Key, "spring-launch"), 10, default);
        var churn = await history.RecentAsync(CampaignHistory.Key(Key, "churn-fix"), 10, default);
        var team = await history.RecentAsync(Key, 10, default);
        Assert.Equal("leads", Assert.Single(spring).MetricToWatch);
        Assert.Equal("monthly_churn_pct", Assert.Single(churn).MetricToWatch);
        Assert.Single(team);
        Assert.DoesNotContain("monthly_churn_pct", spring[0].Metrics.Keys);
    }

    [Fact]
    public async Task Other_text_passes_through() => Assert.Null(await Interceptor().TryHandleAsync(InboundTurn.Message(Key, "what should we do next"), default));

    private CampaignInterceptor Interceptor() => new(profiles, advice, clock);

    private async Task<TurnOutput> Say(string text) => (await Interceptor().TryHandleAsync(InboundTurn.Message(Key, text), default))!;

    private static string Text(TurnOutput output, bool inPlace = false) =>
        Assert.IsType<NoticeView>(inPlace ? output.ReplaceMessage : output.Replies.Single()).Text;
}
