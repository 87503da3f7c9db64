using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>
/// The Playground flow without a browser: the whole app (real advisor, renderers, SQLite in a temp file, Development,
/// no app id) answering activities shaped like the Playground's with <c>deliveryMode: expectReplies</c>, so every reply
/// comes back in the HTTP body and the tests read the Adaptive Cards a user would see.
/// </summary>
public sealed class ExpectRepliesFlowTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("flywheel-expect-").FullName;
    private BotFrameworkHost _host = null!;

    public Task InitializeAsync()
    {
        _host = BotFrameworkHost.WithRealServices("Development", new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_work, "bot.db")}",
        });
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Install_welcomes_once_though_the_Playground_announces_it_twice()
    {
        var chat = new PlaygroundActivities(NewId());

        var replies = (await RepliesAsync(chat.InstallationUpdate())).Concat(await RepliesAsync(chat.ConversationUpdate())).ToList();

        var welcome = CardReader.Card(Assert.Single(replies));
        Assert.Equal("Hi, I'm FlywheelBot", CardReader.Texts(welcome)[0]);
        Assert.Equal("Action.Submit", (string?)CardReader.Action(welcome, "start")["type"]);
        Assert.Empty(await RepliesAsync(chat.InstallationUpdate()));
    }

    [Fact]
    public async Task The_interview_answered_by_invoke_submit_and_typing_ends_in_the_recommendation_and_its_stage_walk()
    {
        var chat = new PlaygroundActivities(NewId());
        await RepliesAsync(chat.InstallationUpdate());

        // "what should we do next" without a profile: the advisor says so and asks the first question.
        var opening = await RepliesAsync(chat.Message("what should we do next"));
        Assert.Equal(2, opening.Count);
        Assert.True(CardReader.Shows(CardReader.Card(opening[0]), "I don't have a profile for this chat yet"));
        var audience = CardReader.Card(opening[1]);
        Assert.True(CardReader.Shows(audience, "Who does your marketing speak to?"));

        // Audience through Action.Execute: the invoke answer replaces the card; the next question rides along.
        var next = CardReader.Action(audience, "answer");
        Assert.Equal("Action.Execute", (string?)next["type"]);
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = (string?)next["title"],
            ["verb"] = (string?)next["verb"],
            ["data"] = With(next["data"]!.AsObject(), "value", "sdm"),
        };
        var invoke = await PostAsync(chat.Execute(action, replyToId: "card-1"));
        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invoke["type"]);
        Assert.True(CardReader.Shows(invoke["value"]!.AsObject(), "Answered: Senior decision-makers"));
        var awareness = CardReader.Card(Assert.Single(invoke["activities"]!.AsArray())!);
        Assert.True(CardReader.Shows(awareness, "How well does your market know you?"));

        // Awareness through Action.Submit (the fallback): the button's data plus the card's input, as a message.
        var submitted = await RepliesAsync(chat.Submit(With(CardReader.Action(awareness, "answer")["data"]!.AsObject(), "value", "emerging")));
        var visitors = CardReader.Card(Assert.Single(submitted));
        Assert.True(CardReader.Shows(visitors, "How many people visit your website in a month?"));

        // Metrics typed in the chat.
        var voice = CardReader.Card(Assert.Single(await RepliesAsync(chat.Message("about 2k"))));
        Assert.True(CardReader.Shows(voice, "share of voice"));
        // What the team does now: a multi-select; typed words answer it too.
        var doing = CardReader.Card(Assert.Single(await RepliesAsync(chat.Message("1%"))));
        Assert.True(CardReader.Shows(doing, "Last one: what are you doing now? Pick all that apply."));
        var advice = CardReader.Card(Assert.Single(await RepliesAsync(chat.Message("not sure"))));

        Assert.Equal("Your next move", CardReader.Texts(advice)[0]);
        Assert.False(string.IsNullOrWhiteSpace(CardReader.Texts(advice)[1]));
        Assert.True(CardReader.Shows(advice, "Bottleneck: Awareness (stage 1 of 5)"));
        Assert.True(CardReader.Shows(advice, "Share of voice (%): 1 %"));
        Assert.False(string.IsNullOrWhiteSpace(CardReader.After(advice, "First step this week")));
        // Visitors are healthy (2,000), so the advice is not about raising them: share of voice is the weak number.
        Assert.Contains("Watch: Share of voice (%)", CardReader.Texts(advice));
        var why = CardReader.Action(advice, "why");
        Assert.Equal("Action.Submit", (string?)why["type"]);
        Assert.Equal("positive", (string?)why["style"]);

        // "Why this?" posts a new message with the stage walk.
        var walk = CardReader.Card(Assert.Single(await RepliesAsync(chat.Submit(why["data"]!.AsObject()))));
        Assert.Equal("How your flywheel looks", CardReader.Texts(walk)[0]);
        Assert.True(CardReader.Shows(walk, "Awareness"));
    }

    [Fact]
    public async Task A_group_chat_is_welcomed_for_the_team_and_answers_an_at_mention()
    {
        var group = new PlaygroundActivities("19:" + NewId() + "@thread.v2", groupChat: true);

        var installed = (await RepliesAsync(group.InstallationUpdate())).Concat(await RepliesAsync(group.ConversationUpdate())).ToList();
        var welcome = CardReader.Card(Assert.Single(installed));
        Assert.True(CardReader.Shows(welcome, "@FlywheelBot what should we do next"));

        var replies = await RepliesAsync(group.Mention("what should we do next"));

        Assert.Equal(2, replies.Count);
        Assert.True(CardReader.Shows(CardReader.Card(replies[0]), "I don't have a profile for this chat yet"));
        Assert.True(CardReader.Shows(CardReader.Card(replies[1]), "Who does your marketing speak to?"));
        Assert.All(replies, r => Assert.Equal(group.ConversationKey, $"msteams:{(string?)r["conversation"]!["id"]}"));
    }

    [Fact]
    public async Task The_welcome_cards_weekly_check_in_button_opens_the_check_in_set_up_in_the_conversations_zone()
    {
        var chat = new PlaygroundActivities(NewId());
        var welcome = CardReader.Card(Assert.Single(await RepliesAsync(chat.InstallationUpdate())));
        var button = CardReader.Action(welcome, "checkin-setup");
        Assert.Equal("Action.Submit", (string?)button["type"]);

        var setUp = CardReader.Card(Assert.Single(await RepliesAsync(chat.Submit(button["data"]!.AsObject().DeepClone().AsObject()))));

        Assert.True(CardReader.Shows(setUp, "Weekly check-in"));
        Assert.True(CardReader.Shows(setUp, "Time zone: UTC"), string.Join(" | ", CardReader.Texts(setUp)));
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static JsonObject With(JsonObject data, string key, string value)
    {
        var copy = data.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }

    private async Task<JsonNode> PostAsync(JsonObject activity)
    {
        using var response = await _host.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(string?)activity["type"]} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<List<JsonNode>> RepliesAsync(JsonObject activity) =>
        [.. (await PostAsync(activity))["activities"]!.AsArray().Select(a => a!)];
}
