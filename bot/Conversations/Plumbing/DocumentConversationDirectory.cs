using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// <see cref="IConversationDirectory"/> over the document store (collection <c>conversations</c>, keyed by conversation key).
/// An address only changes what a newer turn told us: a time zone once seen is kept when later turns omit it (likewise what
/// the channel's route keeps, see <see cref="ConversationRoute.MergedWith"/>). Stored as <see cref="ConversationAddressJson"/> writes it.
/// Every turn saves its address, and it rarely changes: the address this process last saved or found per conversation
/// is remembered, and an unchanged one is neither read nor written again. (With several instances each remembers its
/// own; an address another instance saved meanwhile came from the same conversation and is as good for replies.)
/// A Bot Framework turn saves its address in the batch of its claim (<see cref="PlanSave"/>, <see cref="TurnStart"/>).
/// </summary>
internal sealed partial class DocumentConversationDirectory(IDocumentStore store, ConversationAddressJson json, ILogger<DocumentConversationDirectory> logger) : IConversationDirectory
{
    public const string Collection = "conversations";

    private readonly RecentVersions _saved = new();

    public async Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var existing = _saved.TryGet<ConversationAddress>(Collection, address.ConversationKey, out var known)
            ? known.Value
            : await FindAsync(address.ConversationKey, cancellationToken);
        var merged = address.MergedWith(existing);
        if (merged == existing)
        {
            _saved.Remember(Collection, address.ConversationKey, 0, merged);
            return;
        }

        var written = await store.PutAsync(new DocumentWrite(Collection, address.ConversationKey, json.Write(merged), ExpectedVersion: null), cancellationToken);
        _saved.Remember(Collection, address.ConversationKey, written.Version, merged);
    }

    /// <summary>What saving <paramref name="address"/> takes in a batch with the turn's claim (see <see cref="AddressSave"/>).</summary>
    internal AddressSave PlanSave(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_saved.TryGet<ConversationAddress>(Collection, address.ConversationKey, out var known))
        {
            var merged = address.MergedWith(known.Value);
            return merged == known.Value
                ? new AddressSave(address, merged, null, null, null)
                : new AddressSave(address, merged, new DocumentWrite(Collection, address.ConversationKey, json.Write(merged), ExpectedVersion: null), null, null);
        }

        // Nothing stored yet is the common case (a new conversation): then this insert is the save; otherwise it does nothing.
        var fresh = address.MergedWith(null);
        return new AddressSave(
            address,
            fresh,
            null,
            new DocumentWrite(Collection, address.ConversationKey, json.Write(fresh), ExpectedVersion: null),
            new DocumentKey(Collection, address.ConversationKey));
    }

    /// <summary>
    /// After the batch of <paramref name="plan"/> was committed: remembers what is stored now. False when the stored
    /// address (read back) still lacks what this turn told: then <see cref="SaveAsync"/> writes it (no read needed).
    /// </summary>
    internal bool Saved(AddressSave plan, long writtenVersion, StoredDocument? read)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var key = plan.Address.ConversationKey;
        if (plan.Write is not null)
        {
            _saved.Remember(Collection, key, writtenVersion, plan.Merged);
            return true;
        }

        if (plan.Read is null)
        {
            return true;
        }

        var existing = read is null ? null : Parse(read);
        if (existing is null)
        {
            return false;
        }

        _saved.Remember(Collection, key, read!.Version, existing);
        return plan.Address.MergedWith(existing) == existing;
    }

    public async Task<ConversationAddress?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var doc = await store.GetAsync(Collection, conversationKey, cancellationToken);
        if (doc is null)
        {
            return null;
        }

        return Parse(doc);
    }

    private ConversationAddress? Parse(StoredDocument doc)
    {
        try
        {
            return json.Read(doc.Json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored conversation address could not be read; treating it as unknown")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
