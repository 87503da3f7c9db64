using System.Collections.Concurrent;
using FlywheelBot.Conversations;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.CheckIns;

internal sealed class FakeConversationDirectory : IConversationDirectory
{
    private readonly ConcurrentDictionary<string, ConversationAddress> _addresses = new();

    public static ConversationAddress AddressFor(string key) =>
        new(TestRoute.Channel, key, ConversationScope.Personal, null, new TestRoute(key));

    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        _addresses[address.ConversationKey] = address;
        return Task.CompletedTask;
    }

    public Task<ConversationAddress?> FindAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_addresses.GetValueOrDefault(conversationKey));
}
