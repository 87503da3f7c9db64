using System.Collections.Concurrent;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;

namespace FlywheelBot.Tests.CheckIns;

internal sealed class FakeTeamProfileStore : ITeamProfileStore
{
    private readonly ConcurrentDictionary<string, TeamProfile> _profiles = new();

    public void Set(string key, TeamProfile profile) => _profiles[key] = profile;

    public Task<TeamProfile?> GetAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault(conversationKey));

    public Task<TeamProfile> UpdateAsync(string conversationKey, Func<TeamProfile?, TeamProfile> update, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.AddOrUpdate(conversationKey, _ => update(null), (_, p) => update(p)));
}
