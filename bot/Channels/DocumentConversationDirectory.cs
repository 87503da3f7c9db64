using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Channels;

/// <summary>
/// <see cref="IConversationDirectory"/> over the document store (collection <c>conversations</c>, keyed by conversation key).
/// An address only changes what a newer activity told us: a time zone once seen is kept when later activities omit it.
/// </summary>
internal sealed partial class DocumentConversationDirectory(IDocumentStore store, ILogger<DocumentConversationDirectory> logger) : IConversationDirectory
{
    public const string Collection = "conversations";

    public async Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var existing = await FindAsync(address.ConversationKey, cancellationToken);
        var merged = address with { TimeZone = address.TimeZone ?? existing?.TimeZone, BotName = address.BotName ?? existing?.BotName };
        if (merged == existing)
        {
            return;
        }

        var json = JsonSerializer.Serialize(merged, ChannelsJsonContext.Default.ConversationAddress);
        await store.PutAsync(new DocumentWrite(Collection, address.ConversationKey, json, ExpectedVersion: null), cancellationToken);
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
            return JsonSerializer.Deserialize(doc.Json, ChannelsJsonContext.Default.ConversationAddress);
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
