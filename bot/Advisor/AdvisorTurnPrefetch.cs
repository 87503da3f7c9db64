using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>
/// The records <see cref="AdvisorTurnHandler"/> reads (the conversation state and the team profile), asked for in the
/// batch of the turn's claim when the versioned store does not hold them; what is found becomes the store's starting
/// point, as if it had read them itself.
/// </summary>
internal sealed class AdvisorTurnPrefetch(IVersionedStore store) : ITurnPrefetch
{
    public void AddReads(string conversationKey, ICollection<DocumentKey> reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var state = new DocumentKey(AdvisorTurnHandler.Collection, conversationKey);
        var profile = new DocumentKey(VersionedTeamProfileStore.Collection, conversationKey);
        if (!store.Holds(state) || !store.Holds(profile))
        {
            reads.Add(state);
            reads.Add(profile);
        }
    }

    public void Found(DocumentKey key, StoredDocument? document) => store.Remember(key, document);
}
