using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>
/// Activities shaped as the Microsoft 365 Agents Playground sends them in Teams mode (ids, tenant, clientInfo entity,
/// no conversationType in the personal chat, <c>groupChat</c> with <c>isGroup</c> in the group chat), all with
/// <c>deliveryMode: expectReplies</c> so the replies come back in the HTTP body.
/// </summary>
internal sealed class PlaygroundActivities(string conversationId, bool groupChat = false)
{
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string BotName = "FlywheelBot";
    public const string UserId = "user-id-0";
    private const string TenantId = "00000000-0000-0000-0000-0000000000001";
    private const string ServiceUrl = "http://localhost:56150/_connector";

    public string ConversationKey => $"msteams:{conversationId}";

    public JsonObject InstallationUpdate() => With(Base("installationUpdate"), o =>
    {
        o["action"] = "add";
        o["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
    });

    public JsonObject ConversationUpdate() => With(Base("conversationUpdate"), o =>
        o["membersAdded"] = groupChat
            ? new JsonArray(Account(BotId, BotName))
            : new JsonArray(Account(UserId, "Alex Wilber"), Account(BotId, BotName)));

    public JsonObject Message(string text) => With(Base("message"), o =>
    {
        o["text"] = text;
        o["textFormat"] = "plain";
        o["localTimezone"] = "UTC";
    });

    /// <summary>A message that @mentions the bot, as Teams and the Playground send it in a group chat or channel.</summary>
    public JsonObject Mention(string text) => With(Message($"<at>{BotName}</at> {text}"), o =>
        o["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = Account(BotId, BotName),
        }));

    /// <summary>An Action.Submit press: a message without text whose value is the button's data plus the card's inputs.</summary>
    public JsonObject Submit(JsonObject data) => With(Base("message"), o => o["value"] = data.DeepClone());

    /// <summary>An Action.Execute press: an <c>adaptiveCard/action</c> invoke replying to the card's activity.</summary>
    public JsonObject Execute(JsonObject action, string replyToId) => With(Base("invoke"), o =>
    {
        o["name"] = "adaptiveCard/action";
        o["replyToId"] = replyToId;
        o["value"] = new JsonObject { ["action"] = action.DeepClone(), ["trigger"] = "manual" };
        o["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
    });

    private JsonObject Base(string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = type is "message" or "invoke" ? Account(UserId, "Alex Wilber") : new JsonObject { ["id"] = UserId },
        ["recipient"] = Account(BotId, BotName),
        ["conversation"] = groupChat
            ? new JsonObject { ["id"] = conversationId, ["isGroup"] = true, ["conversationType"] = "groupChat", ["tenantId"] = TenantId, ["name"] = "Group Chat" }
            : new JsonObject { ["id"] = conversationId, ["tenantId"] = TenantId },
        ["deliveryMode"] = "expectReplies",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["entities"] = new JsonArray(new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["type"] = "clientInfo" }),
        ["locale"] = "en-US",
    };

    private static JsonObject Account(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonObject With(JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return activity;
    }
}
