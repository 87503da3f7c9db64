using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackHomeTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new SlackHost(_slack);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("home", _slack);
        await _slack.DisposeAsync();
    }

    private static JsonObject HomeOpened(string channel) => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = SlackRequests.UserId,
        ["channel"] = channel,
        ["tab"] = "home",
        ["event_ts"] = "1764579600.000500",
    };

    [Fact]
    public async Task App_home_shows_the_five_stages_and_the_recommendation_of_the_saved_profile()
    {
        var profiles = _host.Services.GetRequiredService<ITeamProfileStore>();
        await profiles.UpdateAsync($"slack:{FakeSlackApi.TeamId}:{SlackRequests.DmChannel}", _ => new TeamProfile(
            Audience.Sdm, MarketAwareness.Emerging, Community.Unknown,
            ImmutableDictionary<string, decimal>.Empty.Add("monthly_visitors", 2400).Add("inbound_conversations", 6).Add("leads", 8).Add("visitor_to_lead_pct", 0.4m),
            [], TimeProvider.System.GetUtcNow()), CancellationToken.None);

        using (await _host.EventAsync(HomeOpened(SlackRequests.DmChannel)))
        {
        }

        var publish = await _slack.WaitForCallAsync("views.publish");
        Assert.Equal(SlackRequests.UserId, publish["user_id"]);
        var view = JsonNode.Parse(publish["view"])!.AsObject();
        Assert.Equal("home", (string?)view["type"]);
        var text = view.ToJsonString();
        foreach (var stage in new[] { "Awareness", "Engagement", "Conversion", "Adoption", "Advocacy" })
        {
            Assert.Contains(stage, text, StringComparison.Ordinal);
        }

        Assert.Contains("Do this next", text, StringComparison.Ordinal);
        Assert.Contains("Conversion: weak (the bottleneck)", text, StringComparison.Ordinal);
        var buttons = view["blocks"]!.AsArray().Last()!["elements"]!.AsArray().Select(b => (string)b!["text"]!["text"]!).ToList();
        Assert.Equal(["Start over", "Learn the flywheel", "Weekly check-in"], buttons);
    }

    [Fact]
    public async Task Without_a_profile_app_home_invites_the_interview_and_its_start_button_answers_in_the_dm()
    {
        using (await _host.EventAsync(HomeOpened(SlackRequests.DmChannel)))
        {
        }

        var view = JsonNode.Parse((await _slack.WaitForCallAsync("views.publish"))["view"])!.AsObject();
        Assert.Contains("No numbers yet", view.ToJsonString(), StringComparison.Ordinal);
        var actions = view["blocks"]!.AsArray().Last()!.AsObject();
        var start = actions["elements"]![0]!.AsObject();

        var press = SlackRequests.BlockAction(start, (string)actions["block_id"]!, SlackRequests.DmChannel, "0");
        press.Remove("channel");
        press.Remove("message");
        press["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V000001" };
        using (await _host.ActionAsync(press))
        {
        }

        // (The first-time welcome is posted in the DM too; the question follows the press.)
        var question = await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("Who does your marketing speak to", StringComparison.Ordinal));
        Assert.Equal(SlackRequests.DmChannel, question["channel"]);
    }
}
