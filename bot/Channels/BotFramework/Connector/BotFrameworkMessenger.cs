using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// Proactive sends through the connector: 2xx is sent; 403 (bot removed or blocked) and 404 (conversation deleted) are
/// gone; throttling, server errors and timeouts that outlast the retries are "retry later".
/// </summary>
internal sealed class BotFrameworkMessenger(ConnectorClient connector, ActivityFactory activities) : IProactiveMessenger
{
    public async Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var result = await connector.SendAsync(address.ServiceUrl, address.ConversationId, activities.Proactive(address, view), replyToId: null, cancellationToken);
        return Classify(result.StatusCode);
    }

    internal static SendOutcome Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => SendOutcome.Sent,
        403 or 404 => SendOutcome.Gone,
        _ => SendOutcome.RetryLater,
    };
}
