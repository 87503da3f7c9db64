using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>One request the fake connector received: method, raw (still encoded) path, Authorization header and JSON body.</summary>
internal sealed record ConnectorRequest(string Method, string RawPath, string? Authorization, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
