using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>Team profiles in the versioned store (collection <c>profiles</c>, keyed by conversation), without lost updates.</summary>
internal sealed class VersionedTeamProfileStore(IVersionedStore store) : ITeamProfileStore
{
    public const string Collection = "profiles";

    public async Task<TeamProfile?> GetAsync(string conversationKey, CancellationToken cancellationToken) =>
        (await store.ReadAsync(Collection, conversationKey, AdvisorJsonContext.Default.TeamProfile, cancellationToken)).Value;

    public Task<TeamProfile> UpdateAsync(string conversationKey, Func<TeamProfile?, TeamProfile> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return store.UpdateAsync(Collection, conversationKey, AdvisorJsonContext.Default.TeamProfile, current => update(current.Value), null, cancellationToken);
    }
}
