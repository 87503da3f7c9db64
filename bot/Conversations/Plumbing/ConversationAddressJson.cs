using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Writes and reads stored <see cref="ConversationAddress"/>es: neutral fields plus <c>route</c>, an object whose
/// <c>$type</c> names the registered <see cref="ConversationRouteType"/>. Reading is tolerant: unknown fields are ignored,
/// a route of an unregistered type becomes an <see cref="UnknownRoute"/>, and an address stored flat before routes
/// existed is read through the route type that <see cref="ConversationRouteType.ReadsStoredWithoutRoute"/>.
/// </summary>
internal sealed class ConversationAddressJson
{
    public const string TypeProperty = "$type";

    private readonly FrozenDictionary<string, ConversationRouteType> _byDiscriminator;
    private readonly FrozenDictionary<Type, ConversationRouteType> _byType;
    private readonly ConversationRouteType? _flat;

    public ConversationAddressJson(IEnumerable<ConversationRouteType> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var all = routes.ToArray();
        _byDiscriminator = all.ToFrozenDictionary(r => r.Discriminator, StringComparer.Ordinal);
        _byType = all.ToFrozenDictionary(r => r.RouteType);
        _flat = all.SingleOrDefault(r => r.ReadsStoredWithoutRoute);
    }

    public string Write(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_byType.TryGetValue(address.Route.GetType(), out var routeType))
        {
            throw new InvalidOperationException($"The route type {address.Route.GetType().Name} is not registered, so it cannot be stored.");
        }

        var route = new JsonObject { [TypeProperty] = routeType.Discriminator };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(address.Route, routeType.TypeInfo)!.AsObject().ToArray())
        {
            route[name] = value?.DeepClone();
        }

        var stored = new StoredAddress(address.Channel, address.ConversationKey, address.Scope, address.TimeZone, JsonSerializer.SerializeToElement(route, ConversationsJsonContext.Default.JsonObject));
        return JsonSerializer.Serialize(stored, ConversationsJsonContext.Default.StoredAddress);
    }

    /// <summary>The address in <paramref name="json"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public ConversationAddress Read(string json)
    {
        var stored = JsonSerializer.Deserialize(json, ConversationsJsonContext.Default.StoredAddress)
            ?? throw new JsonException("The stored address is null.");
        if (string.IsNullOrEmpty(stored.ConversationKey))
        {
            throw new JsonException("The stored address has no conversationKey.");
        }

        if (stored.Route is { ValueKind: JsonValueKind.Object } route)
        {
            var discriminator = route.TryGetProperty(TypeProperty, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty;
            var channel = stored.Channel ?? throw new JsonException("The stored address has a route but no channel.");
            return new ConversationAddress(channel, stored.ConversationKey, stored.Scope, stored.TimeZone, ReadRoute(route, discriminator));
        }

        if (stored.Route is null && stored.Channel is null && _flat is { } flat)
        {
            var legacy = JsonSerializer.Deserialize(json, flat.TypeInfo) as ConversationRoute
                ?? throw new JsonException("The stored address has no route.");
            return new ConversationAddress(flat.Channel, stored.ConversationKey, stored.Scope, stored.TimeZone, legacy);
        }

        throw new JsonException("The stored address has no route.");
    }

    private ConversationRoute ReadRoute(JsonElement route, string discriminator) =>
        _byDiscriminator.TryGetValue(discriminator, out var routeType)
            ? route.Deserialize(routeType.TypeInfo) as ConversationRoute ?? throw new JsonException("The stored route is null.")
            : new UnknownRoute(discriminator);
}
