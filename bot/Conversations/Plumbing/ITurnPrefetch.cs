using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Records a turn's handler will need, read in the one batch of the turn's claim (<see cref="TurnStart"/>) when this
/// process does not hold them already, so the turn itself needs no read.
/// </summary>
internal interface ITurnPrefetch
{
    /// <summary>Adds the records to read for a turn of <paramref name="conversationKey"/> (none when all are held).</summary>
    void AddReads(string conversationKey, ICollection<DocumentKey> reads);

    /// <summary>One record this prefetch asked for, as read in the claim's transaction (null: absent).</summary>
    void Found(DocumentKey key, StoredDocument? document);
}
