using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Tests.Advisor;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Views;

/// <summary>Issue 15, items 5 and 8 in what people read: status words, the "Why this?" labels, the quiz feedback.</summary>
public sealed class AdviceWordsTests
{
    [Theory]
    [InlineData(StageStatus.Weak, "2. Engagement: weak (the bottleneck)")]
    [InlineData(StageStatus.Watch, "2. Engagement: on watch (the earliest stage short of its benchmark: the focus)")]
    [InlineData(StageStatus.Healthy, "2. Engagement: healthy (the focus, as an optimisation: nothing is on fire)")]
    public void Why_this_never_calls_a_healthy_stage_the_bottleneck(StageStatus status, string expected) =>
        Assert.Equal(expected, ViewTexts.StageHeadline(new StageLine(2, "Engagement", status, true, [])));

    [Theory]
    [InlineData(false, StageStatus.Weak, "Bottleneck: Engagement (stage 2 of 5)")]
    [InlineData(false, StageStatus.Watch, "On watch: Engagement (stage 2 of 5). Nothing is weak, but it is short of its benchmark.")]
    [InlineData(true, StageStatus.Healthy, "Optimise: Engagement (stage 2 of 5). Nothing is on fire.")]
    public void The_recommendation_headline_follows_the_stage_status(bool optimisation, StageStatus status, string expected) =>
        Assert.Equal(expected, (SampleViews.Recommendation with { IsOptimisation = optimisation, BottleneckStatus = status }).Headline);

    [Fact]
    public void Quiz_feedback_never_repeats_the_verdict_the_card_already_shows()
    {
        Assert.All(TestAdvisor.Tour.Stages, s =>
        {
            Assert.False(s.Right.StartsWith("Right", StringComparison.Ordinal), s.Right);
            Assert.False(s.Wrong.StartsWith("Not quite", StringComparison.Ordinal), s.Wrong);
        });
    }

    [Fact]
    public void A_recommendation_in_text_says_each_sentence_once()
    {
        var everything = string.Join(',', TestAdvisor.Engine.Playbook.Activities.Select(a => a.Id));
        var input = new DiagnosisInput(Audience.Sdm, MarketAwareness.Established, Community.Unknown,
            new Dictionary<string, decimal> { ["monthly_visitors"] = 9000, ["inbound_conversations"] = 40, ["leads"] = 300, ["activation_pct"] = 50, ["nps"] = -20 }.ToImmutableDictionary(),
            [.. everything.Split(',')]);
        var view = TestAdvisor.Views.Recommendation(TestAdvisor.Engine.Diagnose(input), TestAdvisor.Start, [], null);

        var text = new PlainTextRenderer().Render(view);

        var sentences = text.Split(['\n', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 25).ToList();
        Assert.Empty(sentences.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain("Fix adoption", text, StringComparison.Ordinal);
    }
}
