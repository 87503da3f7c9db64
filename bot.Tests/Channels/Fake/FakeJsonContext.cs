using System.Text.Json.Serialization;

namespace FlywheelBot.Tests.Channels.Fake;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FakeRoute))]
internal sealed partial class FakeJsonContext : JsonSerializerContext;
