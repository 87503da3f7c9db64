using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// Proactive sends through the connector: 2xx is sent; 403 (bot removed or blocked) and 404 (conversation deleted) are
/// gone; throttling, server errors and timeouts that outlast the retries are "retry later". Registered under the channel name
/// <see cref="BotFrameworkRoute.Channel"/> for the messenger router. A stored route gets a new message; a late reply's route
/// answers its activity in place, as the reply within the request would have.
/// </summary>
internal sealed class BotFrameworkMessenger(ConnectorClient connector, ActivityFactory activities) : IProactiveMessenger
{
    public async Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var result = address.Route switch
        {
            BotFrameworkRoute route => await connector.SendAsync(route.ServiceUrl, route.ConversationId, activities.Proactive(route, view), replyToId: null, cancellationToken),
            BotFrameworkReplyRoute reply => await connector.SendAsync(
                reply.Inbound.ServiceUrl!, reply.Inbound.Conversation!.Id!, activities.Reply(reply.Inbound, view), reply.Inbound.Id, cancellationToken),
            _ => throw new ArgumentException($"Not a Bot Framework route: {address.Route.GetType().Name}.", nameof(address)),
        };
        return Classify(result.StatusCode);
    }

    internal static SendOutcome Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => SendOutcome.Sent,
        403 or 404 => SendOutcome.Gone,
        _ => SendOutcome.RetryLater,
    };
}
