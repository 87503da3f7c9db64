using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.TestSupport;

/// <summary>
/// Talks to a running bot as a Bot Framework channel would in Development (no auth): posts message activities with
/// <c>deliveryMode: expectReplies</c> to <c>/api/messages</c> and returns the reply activities from the body.
/// </summary>
internal sealed class ChannelClient(HttpClient http, string conversationType = "personal")
{
    /// <summary>Sends one message to the bot at <paramref name="host"/> and returns its replies (fails on a non-200).</summary>
    public async Task<IReadOnlyList<BotReply>> SayAsync(Uri host, string conversationId, string text, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(Activity(conversationId, text), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(host, "/api/messages"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{text}' got {(int)response.StatusCode}: {body}");
        var activities = JsonNode.Parse(body)?["activities"] as JsonArray ?? throw new InvalidOperationException($"No activities in: {body}");
        return [.. activities.Select(a => new BotReply(a?["summary"]?.GetValue<string>() ?? a?["text"]?.GetValue<string>() ?? string.Empty))];
    }

    private string Activity(string conversationId, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "http://127.0.0.1:9/test-connector",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Test User" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "FlywheelBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType },
        ["text"] = text,
        ["locale"] = "en-US",
    }.ToJsonString();
}
