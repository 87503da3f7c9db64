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

    public async Task<ConversationAddress?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var doc = await store.GetAsync(Collection, conversationKey, cancellationToken);
        if (doc is null)
        {
            return null;
        }

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
