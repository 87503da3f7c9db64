using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.Manifest;
using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackManifestTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = SlackManifestCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_printed_manifest_conforms_to_slacks_schema_and_points_every_url_at_the_events_endpoint()
    {
        var (exit, output, _) = Run("--url", "https://flywheel.example.com");
        Assert.Equal(0, exit);
        var manifest = JsonNode.Parse(output)!.AsObject();

        Assert.Empty(SlackManifestSchema.Problems(manifest));
        const string endpoint = "https://flywheel.example.com/api/slack/events";
        var command = manifest["features"]!["slash_commands"]![0]!;
        Assert.Equal("/flywheel", (string?)command["command"]);
        Assert.Equal(endpoint, (string?)command["url"]);
        Assert.Equal(endpoint, (string?)manifest["settings"]!["event_subscriptions"]!["request_url"]);
        Assert.Equal(endpoint, (string?)manifest["settings"]!["interactivity"]!["request_url"]);
        Assert.True((bool)manifest["settings"]!["interactivity"]!["is_enabled"]!);
        Assert.False((bool)manifest["settings"]!["socket_mode_enabled"]!);
        Assert.Equal(
            ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "users:read"],
            manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(
            ["app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"],
            manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => (string)s!));
        var home = manifest["features"]!["app_home"]!;
        Assert.True((bool)home["messages_tab_enabled"]!);
        Assert.False((bool)home["messages_tab_read_only_enabled"]!);
        Assert.True((bool)home["home_tab_enabled"]!);
        Assert.Equal("FlywheelBot", (string?)manifest["features"]!["bot_user"]!["display_name"]);
    }

    [Fact]
    public void A_base_url_with_a_path_keeps_it()
    {
        var manifest = SlackManifest.Build(new Uri("https://host.example/bots/flywheel/"), socketMode: false);
        Assert.Equal("https://host.example/bots/flywheel/api/slack/events", (string?)manifest["settings"]!["event_subscriptions"]!["request_url"]);
    }

    [Fact]
    public void Socket_mode_turns_it_on_and_leaves_every_url_out()
    {
        var (exit, output, _) = Run("--socket-mode");
        Assert.Equal(0, exit);
        var manifest = JsonNode.Parse(output)!.AsObject();

        Assert.Empty(SlackManifestSchema.Problems(manifest));
        Assert.True((bool)manifest["settings"]!["socket_mode_enabled"]!);
        Assert.DoesNotContain("http", output, StringComparison.Ordinal);
        Assert.Null(manifest["features"]!["slash_commands"]![0]!["url"]);
    }

    [Theory]
    [InlineData("--url", "flywheel.example.com")]
    [InlineData("--url", "ftp://flywheel.example.com")]
    [InlineData("--url", "https://flywheel.example.com/?x=1")]
    [InlineData("--url")]
    [InlineData("--bogus")]
    [InlineData]
    public void Bad_arguments_exit_2_with_one_line_naming_the_problem(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void The_schema_checks_catch_what_slack_would_refuse()
    {
        var manifest = SlackManifest.Build(new Uri("https://flywheel.example.com"), socketMode: false);
        manifest["display_information"]!["name"] = new string('x', 36);
        manifest["features"]!["slash_commands"]![0]!["command"] = "flywheel";
        manifest["settings"]!["interactivity"]!.AsObject().Remove("is_enabled");
        manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Add("app_mention");
        manifest["extra"] = 1;

        var problems = SlackManifestSchema.Problems(manifest);
        Assert.Equal(5, problems.Count);
    }
}
