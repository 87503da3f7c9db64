using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.Fake;

/// <summary>The fake channel's proactive messenger: what it "sends" lands in the channel's outbox.</summary>
internal sealed class FakeMessenger(FakeChannel channel) : IProactiveMessenger
{
    public Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        var route = Assert.IsType<FakeRoute>(address.Route);
        channel.Deliver(route.ConversationId, view);
        return Task.FromResult(SendOutcome.Sent);
    }
}
