using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Tests.Storage;

/// <summary>A stored type that rejects records written by a newer schema, the way real state types should.</summary>
internal sealed record FutureCounter(int SchemaVersion, int Value) : IJsonOnDeserialized
{
    public const int Current = 1;

    public void OnDeserialized()
    {
        if (SchemaVersion > Current)
        {
            throw new JsonException($"Schema version {SchemaVersion} is newer than {Current}.");
        }
    }
}
