using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Outbound;

/// <summary>
/// Renders views as outbound message activities: one Adaptive Card attachment plus a plain-text summary (shown in
/// notifications, and as the card's <c>fallbackText</c> for clients without cards). Never sets <c>id</c>.
/// </summary>
internal sealed class ActivityFactory(ICardRenderer cards, ITextRenderer text)
{
    public const string ApologyText = TurnFailedView.Text;

    // The questions every interview shows, rendered once (the card and its summary depend on the view alone).
    private readonly SharedRenders shared = new();

    /// <summary>How many renders are kept for reuse (see <see cref="SharedRenders"/>).</summary>
    internal int SharedRenderCount => shared.Count;

    /// <summary>A reply in the conversation of <paramref name="inbound"/>, from the bot to the sender.</summary>
    public Activity Reply(Activity inbound, ViewModel view) => ReplyTo(inbound, FromView(view));

    /// <summary>A message to a stored conversation, outside of a turn.</summary>
    public Activity Proactive(BotFrameworkRoute route, ViewModel view)
    {
        ArgumentNullException.ThrowIfNull(route);
        return FromView(view) with
        {
            ChannelId = route.ChannelId,
            ServiceUrl = route.ServiceUrl,
            From = new ChannelAccount { Id = route.BotId, Name = route.BotName },
            Conversation = new ConversationAccount { Id = route.ConversationId, TenantId = route.TenantId },
        };
    }

    /// <summary>The polite plain-text answer when a turn failed.</summary>
    public static Activity Apology(Activity inbound) => ReplyTo(inbound, ApologyMessage());

    /// <summary>The card for a view, with the plain text as <c>fallbackText</c> when the renderer set none.</summary>
    public JsonObject Card(ViewModel view) => CardFallback.Ensure(cards.Render(view), text.Render(view));

    /// <summary>Addresses <paramref name="reply"/> back into the conversation of <paramref name="inbound"/>: from and recipient swapped.</summary>
    private static Activity ReplyTo(Activity inbound, Activity reply)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return reply with
        {
            ChannelId = inbound.ChannelId,
            ServiceUrl = inbound.ServiceUrl,
            From = inbound.Recipient,
            Recipient = inbound.From,
            Conversation = inbound.Conversation,
            ReplyToId = inbound.Id,
            Locale = inbound.Locale,
        };
    }

    private static Activity ApologyMessage() => new() { Type = ActivityTypes.Message, Text = ApologyText };

    private Activity FromView(ViewModel view)
    {
        if (view is TurnFailedView)
        {
            return ApologyMessage();
        }

        var (summary, card) = shared.Get(view, Render);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = summary,
            Attachments = [new Attachment(ActivityTypes.AdaptiveCardContentType, new RawJson(card))],
        };
    }

    private (string Summary, ReadOnlyMemory<byte> Card) Render(ViewModel view)
    {
        var summary = text.Render(view);
        return (summary, cards.RenderUtf8(view, summary));
    }
}
