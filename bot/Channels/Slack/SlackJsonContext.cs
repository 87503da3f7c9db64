using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Slack;

/// <summary>Source-generated JSON for what the Slack channel writes itself (button values, stored routes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImmutableSortedDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(SlackRoute))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
