using System.Text;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Tests.Channels.BotFramework.Cards;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

/// <summary>The recommendation shows the goal's progress, how the activity moves it and its spoke; "Why this?" shows the wheel.</summary>
public sealed class GoalAdviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly FlywheelGoal Goal = new("leads", 50, new DateOnly(2027, 3, 31), Baseline: 8);

    [Fact]
    public void The_recommendation_carries_goal_progress_the_link_to_the_activity_and_the_spoke()
    {
        var views = new AdviceViews(new PlaybookGuide(Given.Engine));
        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.New, "leads=8");

        var view = views.Recommendation(diagnosis, Now, [], null, Goal);

        Assert.Equal("Goal: New leads per month: 50 by 31 Mar 2027 (now 8, 42 to go; 119 days left).", view.Goal);
        Assert.StartsWith("It moves the goal from upstream: awareness comes before conversion", view.GoalLink, StringComparison.Ordinal);
        Assert.StartsWith("Spoke: Thought leadership. It feeds partner programmes next", view.Spoke, StringComparison.Ordinal);
        Assert.Null(views.Recommendation(diagnosis, Now, [], null).Goal);
    }

    [Fact]
    public void Why_this_shows_the_wheel_and_the_card_stays_small_enough_for_a_chat_message()
    {
        var views = new AdviceViews(new PlaybookGuide(Given.Engine));
        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.Emerging, "monthly_visitors=2400 inbound_conversations=6 leads=8 visitor_to_lead_pct=0.4");

        var walk = views.StageWalk(diagnosis, Goal, Now);

        var wheel = Assert.IsType<FlywheelBot.Views.Images.RenderedImage>(walk.Wheel);
        Assert.Contains("Bottleneck: Conversion.", wheel.AltText, StringComparison.Ordinal);
        var card = CardCorpus.Renderer.Render(walk);
        var image = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image")!;
        Assert.Equal(wheel.Png, Convert.FromBase64String(((string)image["url"]!)["data:image/png;base64,".Length..]));
        Assert.Equal(wheel.AltText, (string?)image["altText"]);
        Assert.InRange(Encoding.UTF8.GetByteCount(card.ToJsonString()), 1000, 40_000);
    }
}
