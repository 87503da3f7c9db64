using System.Text.Json.Serialization;

namespace FlywheelBot.Tests.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Counter))]
[JsonSerializable(typeof(FutureCounter))]
internal sealed partial class StorageTestJson : JsonSerializerContext;
