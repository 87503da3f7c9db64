using System.Text;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>
/// An interview question as first asked is the same for every user, so its card is rendered once and reused; what
/// carries a user's own words (a re-ask's problem, a notice) is rendered every time. Either way the reply is the
/// same bytes a fresh render gives.
/// </summary>
public sealed class SharedRendersTests
{
    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:1/",
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conv" },
    };

    private static QuestionView Question(string? problem = null, bool canGoBack = true) => new(
        "monthly_visitors",
        "How many people visit your website in a month?",
        "A number (per month); \"about 2k\" works too. Not sure? Say \"skip\".",
        new QuestionProgress(1, 5, "Awareness"),
        [],
        "per month",
        problem,
        canGoBack,
        0m);

    [Fact]
    public void An_equal_question_is_rendered_once_and_answered_with_the_same_bytes_as_a_fresh_render()
    {
        var cards = new CountingCards();
        var factory = new ActivityFactory(cards, new PlainTextRenderer());

        var first = factory.Reply(Inbound, Question());
        var second = factory.Reply(Inbound, Question());

        Assert.Equal(1, cards.Rendered);
        Assert.Equal(1, factory.SharedRenderCount);
        var fresh = new ActivityFactory(new AdaptiveCardRenderer(new PlainTextRenderer()), new PlainTextRenderer()).Reply(Inbound, Question());
        Assert.Equal(CardText(fresh), CardText(second));
        Assert.Equal(fresh.Summary, second.Summary);
        Assert.Equal(CardText(first), CardText(second));
    }

    [Fact]
    public void Questions_that_differ_get_their_own_cards()
    {
        var cards = new CountingCards();
        var factory = new ActivityFactory(cards, new PlainTextRenderer());

        var withBack = factory.Reply(Inbound, Question(canGoBack: true));
        var withoutBack = factory.Reply(Inbound, Question(canGoBack: false));

        Assert.Equal(2, cards.Rendered);
        Assert.NotEqual(CardText(withBack), CardText(withoutBack));
    }

    [Fact]
    public void A_re_ask_echoing_the_users_words_and_a_notice_are_rendered_every_time_and_never_kept()
    {
        var cards = new CountingCards();
        var factory = new ActivityFactory(cards, new PlainTextRenderer());

        var reask = factory.Reply(Inbound, Question(problem: "I could not read \"lots\" as a number."));
        factory.Reply(Inbound, Question(problem: "I could not read \"lots\" as a number."));
        factory.Reply(Inbound, NoticeView.Say("Got it: 300 visitors."));
        factory.Reply(Inbound, NoticeView.Say("Got it: 300 visitors."));

        Assert.Equal(4, cards.Rendered);
        Assert.Equal(0, factory.SharedRenderCount);
        Assert.Contains("lots", CardText(reask), StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_capacity_questions_are_still_answered_right_but_no_more_are_kept()
    {
        var cards = new CountingCards();
        var factory = new ActivityFactory(cards, new PlainTextRenderer());
        for (var i = 0; i < SharedRenders.Capacity + 10; i++)
        {
            factory.Reply(Inbound, Question() with { QuestionId = $"q{i}" });
        }

        var late = factory.Reply(Inbound, Question() with { QuestionId = "late" });
        factory.Reply(Inbound, Question() with { QuestionId = "late" });

        Assert.Equal(SharedRenders.Capacity, factory.SharedRenderCount);
        Assert.Equal(SharedRenders.Capacity + 12, cards.Rendered);
        Assert.Contains("\"late\"", CardText(late), StringComparison.Ordinal);
    }

    private static string CardText(Activity reply) => Encoding.UTF8.GetString(Assert.Single(reply.Attachments!).Content!.Utf8.Span);

    /// <summary>The real renderer, counting its renders.</summary>
    private sealed class CountingCards : ICardRenderer
    {
        private readonly AdaptiveCardRenderer real = new(new PlainTextRenderer());

        public int Rendered { get; private set; }

        public System.Text.Json.Nodes.JsonObject Render(ViewModel view) => real.Render(view);

        public byte[] RenderUtf8(ViewModel view, string fallbackText)
        {
            Rendered++;
            return real.RenderUtf8(view, fallbackText);
        }
    }
}
