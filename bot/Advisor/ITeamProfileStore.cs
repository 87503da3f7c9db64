using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;

namespace FlywheelBot.Advisor;

/// <summary>Team profiles, keyed by <see cref="InboundTurn.ConversationKey"/>.</summary>
public interface ITeamProfileStore
{
    Task<TeamProfile?> GetAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Read-modify-write without lost updates (re-applies <paramref name="update"/> on a concurrent write).</summary>
    Task<TeamProfile> UpdateAsync(string conversationKey, Func<TeamProfile?, TeamProfile> update, CancellationToken cancellationToken);
}
