using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

public sealed class IntentReaderTests
{
    private static Intent Read(string text) =>
        IntentReader.Read(new AdvisorInput(TurnKind.Message, ConversationScope.GroupChat, text, ImmutableDictionary<string, string>.Empty, null), TestAdvisor.Guide);

    [Theory]
    [InlineData("help", "Help")]
    [InlineData("  BACK ", "Back")]
    [InlineData("skip", "Skip")]
    [InlineData("no idea", "Skip")]
    [InlineData("I don\u2019t know", "Skip")]
    [InlineData("cancel", "Cancel")]
    [InlineData("restart", "Restart")]
    [InlineData("start over", "Restart")]
    [InlineData("start", "Start")]
    [InlineData("why this?", "Why")]
    [InlineData("what should we do next?", "Advice")]
    [InlineData("So what's next?", "Advice")]
    [InlineData("next steps", "Advice")]
    [InlineData("what should we focus on", "Advice")]
    [InlineData("what should I prioritise first", "Advice")]
    [InlineData("give us some advice", "Advice")]
    [InlineData("learn", "Learn")]
    [InlineData("teach me the flywheel", "Learn")]
    [InlineData("visitors are 5,400 now", "MetricUpdate")]
    [InlineData("what is the flywheel", "Text")]
    [InlineData("visitors are up a lot", "Text")]
    [InlineData("visitorship 12", "Text")]
    [InlineData("sdm", "Text")]
    [InlineData("", "Text")]
    public void Typed_text_reads_as(string text, string expected) => Assert.Equal(Enum.Parse<IntentKind>(expected), Read(text).Kind);

    [Theory]
    [InlineData("visitors are 5,400 now", "monthly_visitors", "5,400")]
    [InlineData("NPS is -12", "nps", "-12")]
    [InlineData("churn 3%", "monthly_churn_pct", "3%")]
    [InlineData("monthly churn rate is 2.5 percent", "monthly_churn_pct", "2.5 percent")]
    [InlineData("share of voice: 12%", "share_of_voice_pct", "12%")]
    [InlineData("referrals = about 4 a month", "referrals", "about 4")]
    public void Metric_updates_name_the_metric_and_keep_the_value_text(string text, string metric, string value)
    {
        var intent = Read(text);

        Assert.Equal((IntentKind.MetricUpdate, metric, value), (intent.Kind, intent.MetricId, intent.Value));
    }

    [Fact]
    public void Button_data_wins_over_text()
    {
        var values = ImmutableDictionary<string, string>.Empty.Add(ViewData.Command, ViewCommands.Answer).Add(ViewData.Question, "audience").Add(ViewData.Value, "sdm");

        var intent = IntentReader.Read(new AdvisorInput(TurnKind.AnswerInPlace, ConversationScope.Personal, "help", values, null), TestAdvisor.Guide);

        Assert.Equal((IntentKind.Answer, "audience", "sdm"), (intent.Kind, intent.Question, intent.Value));
    }

    [Fact]
    public void Number_questions_carry_the_metric_bounds_so_NPS_may_be_negative()
    {
        var nps = TestAdvisor.Guide.FindMetric("nps")!;
        var churn = TestAdvisor.Guide.FindMetric("monthly_churn_pct")!;

        Assert.True(nps.Min is null or < 0);
        Assert.Equal(100m, churn.Max);
        Assert.True(TestAdvisor.Guide.TryParseValue(nps, "-20", out var value));
        Assert.Equal(-20m, value);
    }
}
