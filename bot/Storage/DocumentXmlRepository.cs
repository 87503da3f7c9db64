using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FlywheelBot.Storage;

/// <summary>
/// The ASP.NET Core Data Protection key ring kept in the bot's own document store (collection
/// <c>dataprotection_keys</c>, one JSON record per key element holding its XML), so every instance sharing the database shares the keys:
/// a token encrypted by one instance is decrypted by any other. Elements are only ever added (Data Protection never
/// rewrites one; a revocation is a new element); an element written under an existing name is refused, never overwritten.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous by design; Data Protection calls it rarely (at start-up, when the key
/// ring is refreshed about once a day, when a key is added), never per request, so the store is awaited here.
/// </remarks>
internal sealed partial class DocumentXmlRepository(IDocumentStore store, ILogger<DocumentXmlRepository> logger) : IXmlRepository
{
    public const string Collection = "dataprotection_keys";

    /// <summary>Far more than a key ring ever holds (a key every 90 days, and revocations).</summary>
    public const int MaxElements = 10_000;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var documents = store.ListAsync(Collection, string.Empty, MaxElements, CancellationToken.None).GetAwaiter().GetResult();
        var elements = new List<XElement>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                var record = JsonSerializer.Deserialize(document.Json, KeyElementJsonContext.Default.KeyElementRecord);
                if (record is { Xml.Length: > 0 })
                {
                    elements.Add(XElement.Parse(record.Xml));
                    continue;
                }
            }
            catch (Exception exception) when (exception is JsonException or System.Xml.XmlException)
            {
                // Logged below.
            }

            LogUnreadable(document.Key);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var key = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        var result = store.PutAsync(
                new DocumentWrite(
                    Collection,
                    key,
                    JsonSerializer.Serialize(new KeyElementRecord(element.ToString(SaveOptions.DisableFormatting)), KeyElementJsonContext.Default.KeyElementRecord),
                    ExpectedVersion: 0),
                CancellationToken.None)
            .GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"A Data Protection key element named '{key}' is already stored; elements are never overwritten.");
        }

        LogStored(key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection key element {Name} stored in the document store")]
    private partial void LogStored(string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data Protection key element {Name} is not readable; it is skipped")]
    private partial void LogUnreadable(string name);
}
