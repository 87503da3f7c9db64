using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FlywheelBot.Storage;

namespace FlywheelBot.Tests.Advisor;

/// <summary>A minimal <see cref="IVersionedStore"/> over any document store, with the seam's contract (re-apply on conflict, unreadable as absent).</summary>
internal sealed class TestVersionedStore(IDocumentStore store) : IVersionedStore
{
    public int Applies { get; private set; }

    public async Task<Versioned<T>> ReadAsync<T>(string collection, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var doc = await store.GetAsync(collection, key, cancellationToken);
        if (doc is null)
        {
            return new Versioned<T>(null, 0, false);
        }

        try
        {
            return new Versioned<T>(JsonSerializer.Deserialize(doc.Json, type), doc.Version, false);
        }
        catch (JsonException)
        {
            return new Versioned<T>(null, doc.Version, true);
        }
    }

    public async Task<T> UpdateAsync<T>(string collection, string key, JsonTypeInfo<T> type, Func<Versioned<T>, T> apply, Func<T, DocumentOptions>? options, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var current = await ReadAsync(collection, key, type, cancellationToken);
            Applies++;
            var next = apply(current);
            var extra = options?.Invoke(next) ?? new DocumentOptions();
            var write = new DocumentWrite(collection, key, JsonSerializer.Serialize(next, type), current.Version, extra.DueAt, extra.ExpiresAt);
            if ((await store.PutAsync(write, cancellationToken)).Succeeded)
            {
                return next;
            }
        }
    }
}
