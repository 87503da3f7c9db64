using System.Collections.Concurrent;
using FlywheelBot.Advisor;
using FlywheelBot.Channels;

namespace FlywheelBot.Tests.CheckIns;

internal sealed class FakeConversationDirectory : IConversationDirectory
{
    private readonly ConcurrentDictionary<string, ConversationAddress> _addresses = new();

    public static ConversationAddress AddressFor(string key) =>
        new(key, "msteams", "http://127.0.0.1:1/", key, ConversationScope.Personal, "bot", "FlywheelBot", null, null);

    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        _addresses[address.ConversationKey] = address;
        return Task.CompletedTask;
    }

    public Task<ConversationAddress?> FindAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_addresses.GetValueOrDefault(conversationKey));
}
