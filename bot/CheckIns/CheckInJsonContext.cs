using System.Text.Json.Serialization;
using FlywheelBot.CheckIns.History;

namespace FlywheelBot.CheckIns;

/// <summary>Source-generated JSON for stored check-in documents (unknown fields are ignored when reading).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckInSubscription))]
[JsonSerializable(typeof(HistorySnapshot))]
internal sealed partial class CheckInJsonContext : JsonSerializerContext;
