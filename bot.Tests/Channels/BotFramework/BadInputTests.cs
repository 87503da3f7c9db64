using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class BadInputTests(DevelopmentBot bot) : IClassFixture<DevelopmentBot>
{
    private const int Limit = 256 * 1024;

    public static TheoryData<string, string, string?, HttpStatusCode> Bodies => new()
    {
        { "malformed JSON", "{\"type\":\"message\",", "application/json", HttpStatusCode.BadRequest },
        { "not JSON at all", "hello bot", "application/json", HttpStatusCode.BadRequest },
        { "empty body", string.Empty, "application/json", HttpStatusCode.BadRequest },
        { "JSON null", "null", "application/json", HttpStatusCode.BadRequest },
        { "JSON array", "[1,2,3]", "application/json", HttpStatusCode.BadRequest },
        { "no type", "{\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"}}", "application/json", HttpStatusCode.BadRequest },
        { "empty type", "{\"type\":\"\"}", "application/json", HttpStatusCode.BadRequest },
        { "from is a string", "{\"type\":\"message\",\"from\":\"me\"}", "application/json", HttpStatusCode.BadRequest },
        { "no conversation", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl not a URL", "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"javascript:x\",\"conversation\":{\"id\":\"c\"}}", "application/json", HttpStatusCode.BadRequest },
        { "NUL in conversation.id", Body(a => a["conversation"]!["id"] = "c\u0000d"), "application/json", HttpStatusCode.BadRequest },
        { "NUL in channelId", Body(a => a["channelId"] = "msteams\u0000"), "application/json", HttpStatusCode.BadRequest },
        { "NUL in id", Body(a => a["id"] = "1\u00002"), "application/json", HttpStatusCode.BadRequest },
        { "line break in from.id", Body(a => a["from"]!["id"] = "29:a\nb"), "application/json", HttpStatusCode.BadRequest },
        { "3,000-character conversation.id", Body(a => a["conversation"]!["id"] = new string('c', 3000)), "application/json", HttpStatusCode.BadRequest },
        { "20,000-character id", Body(a => a["id"] = new string('i', 20_000)), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl with a query", Body(a => a["serviceUrl"] = "http://127.0.0.1:1/internal/admin?x="), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl with a fragment", Body(a => a["serviceUrl"] = "http://127.0.0.1:1/api/messages#"), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl with user info", Body(a => a["serviceUrl"] = "http://user:secret@127.0.0.1:1/"), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl not http(s)", Body(a => a["serviceUrl"] = "ftp://127.0.0.1/"), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl elsewhere while authentication is off", Body(a => a["serviceUrl"] = "https://smba.example.com/emea/"), "application/json", HttpStatusCode.BadRequest },
        { "serviceUrl relative", Body(a => a["serviceUrl"] = "/v3/"), "application/json", HttpStatusCode.BadRequest },
        { "wrong content type", "type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "text content type", "{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_bodies_get_a_clear_4xx_JSON_error_and_never_reach_the_advisor(string why, string body, string? contentType, HttpStatusCode expected)
    {
        var before = bot.Host.Turns.Turns.Count;
        using var client = bot.Host.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync("/api/messages", content);

        Assert.True(expected == response.StatusCode, $"{why}: {response.StatusCode}");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]), why);
        Assert.Equal(before, bot.Host.Turns.Turns.Count);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_by_its_Content_Length()
    {
        using var client = bot.Host.CreateClient();
        using var content = new StringContent(Huge(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_although_it_has_no_Content_Length()
    {
        using var client = bot.Host.CreateClient();
        using var content = new ChunkedContent(Huge());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var conversation = "big-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl);
        activity["channelData"] = new JsonObject { ["padding"] = new string('x', Limit - 2000) };

        using var response = await bot.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Host.Turns.For($"msteams:{conversation}"));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    [InlineData("messageReaction")]
    public async Task Other_activity_types_are_acknowledged_without_a_turn_or_a_reply(string type)
    {
        var conversation = "other-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "x", bot.Connector.ServiceUrl);
        activity["type"] = type;
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        activity["someFutureField"] = new JsonObject { ["nested"] = true };

        using var response = await bot.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Host.Turns.For($"msteams:{conversation}"));
        Assert.Empty(bot.Connector.To(conversation));
    }

    [Fact]
    public async Task An_unhandled_invoke_is_501()
    {
        var conversation = "invoke-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "x", bot.Connector.ServiceUrl);
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        using var response = await bot.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(bot.Host.Turns.For($"msteams:{conversation}"));
    }

    [Fact]
    public async Task Unknown_fields_and_odd_timestamps_are_tolerated()
    {
        var conversation = "tolerant-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hello", bot.Connector.ServiceUrl);
        activity["timestamp"] = "not a date";
        activity["brandNewField"] = new JsonArray(1, 2);
        activity["from"]!["unknownProperty"] = "x";

        using var response = await bot.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", Assert.Single(bot.Host.Turns.For($"msteams:{conversation}")).Text);
    }

    [Fact]
    public async Task A_numeric_id_and_timestamp_and_a_lone_surrogate_in_text_are_tolerated_and_the_message_is_answered()
    {
        var conversation = "lenient-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "TEXT", bot.Connector.ServiceUrl);
        activity["id"] = 1234567890123;
        activity["timestamp"] = 1700000000;
        activity["locale"] = new JsonObject { ["odd"] = true };
        var body = activity.ToJsonString().Replace("\"TEXT\"", "\"hi \\ud800 there \\udc00\"", StringComparison.Ordinal);
        using var client = bot.Host.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi \uFFFD there \uFFFD", Assert.Single(bot.Host.Turns.For($"msteams:{conversation}")).Text);
        var reply = Assert.Single(await bot.Connector.WaitForAsync(conversation, 1));
        Assert.EndsWith("/activities/1234567890123", reply.RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_up_to_the_limit_are_answered()
    {
        var conversation = "long-" + new string('c', 1000);
        var activity = BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl, id: new string('i', 1024));

        using var response = await bot.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Host.Turns.For($"msteams:{conversation}"));
    }

    /// <summary>A valid message to a loopback serviceUrl nobody listens on, changed by <paramref name="change"/>.</summary>
    private static string Body(Action<JsonObject> change)
    {
        var activity = BotFrameworkHost.Message("bad-" + Guid.NewGuid().ToString("N"), "hi", "http://127.0.0.1:1/");
        change(activity);
        return activity.ToJsonString();
    }

    private static string Huge() =>
        new JsonObject { ["type"] = "message", ["text"] = new string('x', Limit + 10) }.ToJsonString();
}
