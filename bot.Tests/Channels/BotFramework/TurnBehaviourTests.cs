using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor;
using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Conversations;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class TurnBehaviourTests(DevelopmentBot bot) : IClassFixture<DevelopmentBot>
{
    private BotFrameworkHost Host => bot.Host;

    private FakeConnector Connector => bot.Connector;

    [Theory]
    [InlineData("<at>FlywheelBot</at> what should we do next", "what should we do next")]
    [InlineData("<at>@FlywheelBot</at>   what should we do next", "what should we do next")]
    [InlineData("what should we do next, <at>FlywheelBot</at>?", "what should we do next, ?")]
    public async Task The_bots_own_mention_is_stripped_in_a_channel(string text, string expected)
    {
        var conversation = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=1";
        var activity = BotFrameworkHost.Message(conversation, text, Connector.ServiceUrl);
        activity["conversation"]!["conversationType"] = "channel";
        var mentionText = text.Contains("<at>@", StringComparison.Ordinal) ? "<at>@FlywheelBot</at>" : "<at>FlywheelBot</at>";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = mentionText, ["mentioned"] = new JsonObject { ["id"] = BotFrameworkHost.BotId, ["name"] = "FlywheelBot" } });

        using var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(Host.Turns.For($"msteams:{conversation}"));
        Assert.Equal(expected, turn.Text);
        Assert.Equal(ConversationScope.Channel, turn.Scope);
        Assert.Single(await Connector.WaitForAsync(Uri.EscapeDataString(conversation), 1));
    }

    [Theory]
    [InlineData("personal", null, ConversationScope.Personal)]
    [InlineData("groupChat", null, ConversationScope.GroupChat)]
    [InlineData("channel", null, ConversationScope.Channel)]
    [InlineData(null, null, ConversationScope.Personal)]
    [InlineData(null, true, ConversationScope.GroupChat)]
    public async Task Scope_follows_the_conversation_type(string? conversationType, bool? isGroup, ConversationScope expected)
    {
        var conversation = "scope-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", Connector.ServiceUrl);
        var account = activity["conversation"]!.AsObject();
        account.Remove("conversationType");
        if (conversationType is not null)
        {
            account["conversationType"] = conversationType;
        }

        if (isGroup is not null)
        {
            account["isGroup"] = isGroup;
        }

        using var response = await Host.PostAsync(activity);

        Assert.Equal(expected, Assert.Single(Host.Turns.For($"msteams:{conversation}")).Scope);
    }

    [Fact]
    public async Task Install_welcomes_once_although_the_client_sends_installationUpdate_and_conversationUpdate()
    {
        var conversation = "install-" + Guid.NewGuid().ToString("N");
        using var first = await Host.PostAsync(InstallationUpdate(conversation, "add"));
        using var second = await Host.PostAsync(BotAdded(conversation));
        using var third = await Host.PostAsync(BotAdded(conversation));

        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var turn = Assert.Single(Host.Turns.For($"msteams:{conversation}"));
        Assert.Equal(TurnKind.Installed, turn.Kind);
        var welcome = Assert.Single(await Connector.WaitForAsync(conversation, 1));
        Assert.Equal("welcome", (string?)welcome.Json["summary"]);
    }

    [Fact]
    public async Task Removing_the_bot_lets_the_next_install_welcome_again()
    {
        var conversation = "reinstall-" + Guid.NewGuid().ToString("N");
        using var add = await Host.PostAsync(BotAdded(conversation));
        using var remove = await Host.PostAsync(InstallationUpdate(conversation, "remove"));
        using var addAgain = await Host.PostAsync(InstallationUpdate(conversation, "add"));

        Assert.Equal(2, Host.Turns.For($"msteams:{conversation}").Count(t => t.Kind == TurnKind.Installed));
    }

    [Fact]
    public async Task A_person_joining_is_not_welcomed()
    {
        var conversation = "join-" + Guid.NewGuid().ToString("N");
        var activity = BotAdded(conversation);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" });

        using var response = await Host.PostAsync(activity);
        using var empty = await Host.PostAsync(BotAdded(conversation, members: new JsonArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Host.Turns.For($"msteams:{conversation}"));
    }

    [Fact]
    public async Task A_redelivered_activity_id_is_processed_once()
    {
        var conversation = "dup-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hello", Connector.ServiceUrl, id: "same-id");

        using var first = await Host.PostAsync(activity);
        using var again = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Host.Turns.For($"msteams:{conversation}"));
        Assert.Single(Connector.To(conversation));
    }

    [Fact]
    public async Task Inbound_attachments_of_any_shape_are_read_and_the_message_is_answered()
    {
        var conversation = "attach-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hello", Connector.ServiceUrl);
        activity["attachments"] = new JsonArray(
            new JsonObject { ["contentType"] = "text/html", ["content"] = "<p>hello</p>" },
            new JsonObject { ["contentType"] = "application/vnd.microsoft.teams.file.download.info", ["content"] = new JsonObject { ["downloadUrl"] = "https://x.example/f", ["fileType"] = "pdf" } },
            new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://x.example/i.png" });

        using var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.To(conversation));
    }

    [Fact]
    public async Task ExpectReplies_answers_in_the_body_and_posts_nothing()
    {
        var conversation = "expect-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hello", Connector.ServiceUrl, id: "in-9");
        activity["deliveryMode"] = "expectReplies";
        Host.Turns.Behaviour = (turn, _) => Task.FromResult(turn.ConversationKey.EndsWith(conversation, StringComparison.Ordinal)
            ? TurnOutput.Of(new TestView("one"), new TestView("two"))
            : TurnOutput.None);

        try
        {
            using var response = await Host.PostAsync(activity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var replies = body["activities"]!.AsArray();
            Assert.Equal(["one", "two"], replies.Select(r => (string?)r!["summary"]));
            Assert.All(replies, r => Assert.Equal("in-9", (string?)r!["replyToId"]));
            Assert.All(replies, r => Assert.Null(r!["id"]));
            Assert.Empty(Connector.To(conversation));

            // The card rides as a JSON object (written as rendered, with the plain text as its fallback), and the
            // body goes out whole with its length rather than in chunks.
            var card = replies[0]!["attachments"]![0]!["content"]!.AsObject();
            Assert.Equal("AdaptiveCard", (string?)card["type"]);
            Assert.Equal("one", (string?)card["fallbackText"]);
            Assert.Equal("one", (string?)card["body"]![0]!["text"]);
            Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
            Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        }
        finally
        {
            Host.Turns.Behaviour = ScriptedTurnHandler.Echo;
        }
    }

    [Fact]
    public async Task Action_Execute_replaces_the_card_in_the_invoke_response()
    {
        var conversation = "execute-" + Guid.NewGuid().ToString("N");
        Host.Turns.Behaviour = (turn, _) => Task.FromResult(new TurnOutput(ImmutableArray<FlywheelBot.Views.ViewModel>.Empty, new TestView("updated card")));
        try
        {
            using var response = await Host.PostAsync(Execute(conversation));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(200, (int)body["statusCode"]!);
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
            Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
            Assert.Equal("updated card", (string?)body["value"]!["body"]![0]!["text"]);
            Assert.Null(body["activities"]);

            var turn = Assert.Single(Host.Turns.For($"msteams:{conversation}"));
            Assert.Equal(TurnKind.AnswerInPlace, turn.Kind);
            Assert.Equal("choose-audience", turn.Values["verb"]);
            Assert.Equal("sdm", turn.Values["audience"]);
            Assert.Equal("42", turn.Values["visitors"]);
            Assert.Equal("typed note", turn.Values["note"]);
            Assert.False(turn.Values.ContainsKey("msteams"));
        }
        finally
        {
            Host.Turns.Behaviour = ScriptedTurnHandler.Echo;
        }
    }

    [Fact]
    public async Task Action_Execute_with_expectReplies_returns_the_other_replies_beside_the_new_card_and_posts_nothing()
    {
        var conversation = "execute-expect-" + Guid.NewGuid().ToString("N");
        var activity = Execute(conversation);
        activity["deliveryMode"] = "expectReplies";
        Host.Turns.Behaviour = (turn, _) => Task.FromResult(turn.ConversationKey.EndsWith(conversation, StringComparison.Ordinal)
            ? new TurnOutput([new TestView("next question")], new TestView("answered"))
            : TurnOutput.None);
        try
        {
            using var response = await Host.PostAsync(activity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
            Assert.Equal("answered", (string?)body["value"]!["body"]![0]!["text"]);
            var reply = Assert.Single(body["activities"]!.AsArray())!;
            Assert.Equal("next question", (string?)reply["summary"]);
            Assert.Equal((string?)activity["id"], (string?)reply["replyToId"]);
            Assert.Empty(Connector.To(conversation));
        }
        finally
        {
            Host.Turns.Behaviour = ScriptedTurnHandler.Echo;
        }
    }

    [Fact]
    public async Task Action_Execute_without_a_replacement_card_answers_a_message_and_posts_the_replies()
    {
        var conversation = "execute-msg-" + Guid.NewGuid().ToString("N");

        using var response = await Host.PostAsync(Execute(conversation));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["value"]));

        // The invoke answer does not wait for the connector: the replies follow in the background, so wait for them.
        Assert.Single(await Connector.WaitForAsync(conversation, 1));
    }

    [Fact]
    public async Task Action_Submit_values_are_flattened_without_the_Teams_helper_keys()
    {
        var conversation = "submit-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, string.Empty, Connector.ServiceUrl);
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = "set-awareness",
            ["awareness"] = "emerging",
            ["count"] = 3,
            ["ok"] = true,
            ["nested"] = new JsonObject { ["a"] = "b" },
            ["msteams"] = new JsonObject { ["type"] = "messageBack", ["displayText"] = "Emerging" },
        };

        using var response = await Host.PostAsync(activity);

        var turn = Assert.Single(Host.Turns.For($"msteams:{conversation}"));
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Null(turn.Text);
        Assert.Equal("set-awareness", turn.Values["action"]);
        Assert.Equal("emerging", turn.Values["awareness"]);
        Assert.Equal("3", turn.Values["count"]);
        Assert.Equal("true", turn.Values["ok"]);
        Assert.Equal("b", turn.Values["nested.a"]);
        Assert.DoesNotContain(turn.Values.Keys, k => k.StartsWith("msteams", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_conversation_address_and_Teams_time_zone_are_stored_for_proactive_sends()
    {
        var conversation = "address-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", Connector.ServiceUrl);
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["timezone"] = "Europe/London" });

        using var response = await Host.PostAsync(activity);
        using var later = await Host.PostAsync(BotFrameworkHost.Message(conversation, "again", Connector.ServiceUrl));

        Assert.Equal("Europe/London", Host.Turns.For($"msteams:{conversation}")[0].TimeZone);
        var address = await Host.Services.GetRequiredService<IConversationDirectory>().FindAsync($"msteams:{conversation}", CancellationToken.None);
        Assert.Equal(
            new ConversationAddress(
                BotFrameworkRoute.Channel,
                $"msteams:{conversation}",
                ConversationScope.Personal,
                "Europe/London",
                new BotFrameworkRoute("msteams", Connector.ServiceUrl, conversation, BotFrameworkHost.BotId, "FlywheelBot", BotFrameworkHost.TenantId)),
            address);
    }

    [Fact]
    public async Task A_failing_turn_gets_a_polite_apology_and_no_5xx()
    {
        var conversation = "boom-" + Guid.NewGuid().ToString("N");
        Host.Turns.Behaviour = (_, _) => throw new InvalidOperationException("advisor bug");
        try
        {
            using var message = await Host.PostAsync(BotFrameworkHost.Message(conversation, "hi", Connector.ServiceUrl));
            using var invoke = await Host.PostAsync(Execute(conversation));

            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            var apology = Assert.Single(Connector.To(conversation));
            Assert.StartsWith("Sorry", (string?)apology.Json["text"], StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
            var body = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
            Assert.Equal(500, (int)body["statusCode"]!);
            Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
            Assert.StartsWith("Sorry", (string?)body["value"]!["message"], StringComparison.Ordinal);
        }
        finally
        {
            Host.Turns.Behaviour = ScriptedTurnHandler.Echo;
        }
    }

    [Fact]
    public async Task A_slow_turn_is_acknowledged_and_answered_proactively_when_it_finishes()
    {
        var conversation = "slow-" + Guid.NewGuid().ToString("N");
        var release = new TaskCompletionSource();
        Host.Turns.Behaviour = async (turn, cancellationToken) =>
        {
            if (turn.ConversationKey.EndsWith(conversation, StringComparison.Ordinal))
            {
                await release.Task.WaitAsync(cancellationToken);
            }

            return TurnOutput.Of(new TestView("finally"));
        };
        try
        {
            using var response = await Host.PostAsync(BotFrameworkHost.Message(conversation, "long question", Connector.ServiceUrl, id: "slow-1"));

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Empty(Connector.To(conversation));

            release.SetResult();
            var reply = Assert.Single(await Connector.WaitForAsync(conversation, 1));
            Assert.Equal("finally", (string?)reply.Json["summary"]);
            Assert.EndsWith("/activities/slow-1", reply.RawPath, StringComparison.Ordinal);
        }
        finally
        {
            Host.Turns.Behaviour = ScriptedTurnHandler.Echo;
        }
    }

    private JsonObject BotAdded(string conversation, JsonArray? members = null)
    {
        var activity = BotFrameworkHost.Message(conversation, string.Empty, Connector.ServiceUrl);
        activity.Remove("text");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = members ?? new JsonArray(new JsonObject { ["id"] = BotFrameworkHost.BotId }, new JsonObject { ["id"] = "29:user-1" });
        return activity;
    }

    private JsonObject InstallationUpdate(string conversation, string action)
    {
        var activity = BotFrameworkHost.Message(conversation, string.Empty, Connector.ServiceUrl);
        activity.Remove("text");
        activity["type"] = "installationUpdate";
        activity["action"] = action;
        return activity;
    }

    private JsonObject Execute(string conversation)
    {
        var activity = BotFrameworkHost.Message(conversation, string.Empty, Connector.ServiceUrl);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "choose-audience",
                ["data"] = new JsonObject { ["audience"] = "sdm", ["msteams"] = new JsonObject { ["type"] = "task/fetch" } },
            },
            ["trigger"] = "manual",
            ["visitors"] = 42,
            ["data"] = new JsonObject { ["note"] = "typed note", ["audience"] = "ignored: data wins" },
        };
        return activity;
    }
}
