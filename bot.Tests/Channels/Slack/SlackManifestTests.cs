using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.Installations;
using FlywheelBot.Channels.Slack.Manifest;
using Microsoft.Extensions.Configuration;
using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class SlackManifestTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    private static (int Exit, string Out, string Err) RunWith(Dictionary<string, string?> settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exit = SlackManifestCommand.Run(args, configuration, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static readonly Dictionary<string, string?> Distribution = new()
    {
        ["Slack:ClientId"] = "1111.2222",
        ["Slack:ClientSecret"] = "placeholder-client-secret",
    };

    [Fact]
    public async Task The_command_reads_the_settings_the_bot_reads_from_its_environment()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SlackManifestCommand).Assembly.Location);
        foreach (var argument in new[] { "slack-manifest", "--url", "https://flywheel.example.com" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Slack__ClientId"] = "1111.2222";
        start.Environment["Slack__ClientSecret"] = "placeholder-client-secret";
        start.Environment["Slack__TokenRotation"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        var manifest = JsonNode.Parse(await output)!;
        Assert.Equal("https://flywheel.example.com/api/slack/oauth_redirect", (string?)manifest["oauth_config"]!["redirect_urls"]![0]);
        Assert.True((bool)manifest["settings"]!["token_rotation_enabled"]!);
    }

    [Fact]
    public void Without_distribution_settings_there_is_no_redirect_url_and_no_rotation()
    {
        var manifest = JsonNode.Parse(Run("--url", "https://flywheel.example.com").Out)!.AsObject();
        Assert.Null(manifest["oauth_config"]!["redirect_urls"]);
        Assert.False((bool)manifest["settings"]!["token_rotation_enabled"]!);
    }

    [Fact]
    public void With_the_bots_oauth_settings_the_manifest_lists_the_redirect_url_the_install_flow_uses()
    {
        var (exit, output, error) = RunWith(Distribution, "--url", "https://flywheel.example.com/");
        Assert.True(exit == 0, error);
        var manifest = JsonNode.Parse(output)!.AsObject();
        Assert.Empty(SlackManifestSchema.Problems(manifest));
        Assert.Equal(
            [SlackInstallFlow.RedirectUrl(new Uri("https://flywheel.example.com/")).AbsoluteUri],
            manifest["oauth_config"]!["redirect_urls"]!.AsArray().Select(u => (string)u!));
        Assert.Equal("https://flywheel.example.com/api/slack/oauth_redirect", (string?)manifest["oauth_config"]!["redirect_urls"]![0]);
        Assert.False((bool)manifest["settings"]!["token_rotation_enabled"]!);
        Assert.DoesNotContain("placeholder-client-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_rotation_comes_from_the_setting_or_the_flag_and_only_with_distribution()
    {
        var settings = new Dictionary<string, string?>(Distribution) { ["Slack:TokenRotation"] = "true" };
        var fromSetting = JsonNode.Parse(RunWith(settings, "--url", "https://flywheel.example.com").Out)!;
        Assert.True((bool)fromSetting["settings"]!["token_rotation_enabled"]!);
        var fromFlags = JsonNode.Parse(Run("--url", "https://flywheel.example.com", "--oauth", "--token-rotation").Out)!;
        Assert.True((bool)fromFlags["settings"]!["token_rotation_enabled"]!);
        Assert.Single(fromFlags["oauth_config"]!["redirect_urls"]!.AsArray());

        var (exit, output, error) = Run("--url", "https://flywheel.example.com", "--token-rotation");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("Token rotation needs distribution", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_url_setting_stands_in_for_url_and_a_path_is_kept()
    {
        var settings = new Dictionary<string, string?>(Distribution) { ["Hosting:PublicUrl"] = "https://host.example/bots/flywheel" };
        var (exit, output, error) = RunWith(settings);
        Assert.True(exit == 0, error);
        var manifest = JsonNode.Parse(output)!;
        Assert.Equal("https://host.example/bots/flywheel/api/slack/events", (string?)manifest["settings"]!["event_subscriptions"]!["request_url"]);
        Assert.Equal("https://host.example/bots/flywheel/api/slack/oauth_redirect", (string?)manifest["oauth_config"]!["redirect_urls"]![0]);
    }

    [Fact]
    public void Distribution_over_socket_mode_still_needs_a_url_for_the_redirect()
    {
        var (exit, _, error) = RunWith(Distribution, "--socket-mode");
        Assert.Equal(2, exit);
        Assert.Contains("needs --url for the OAuth redirect URL", error, StringComparison.Ordinal);

        var (ok, output, _) = RunWith(Distribution, "--socket-mode", "--url", "https://flywheel.example.com");
        Assert.Equal(0, ok);
        var manifest = JsonNode.Parse(output)!;
        Assert.True((bool)manifest["settings"]!["socket_mode_enabled"]!);
        Assert.Null(manifest["settings"]!["event_subscriptions"]!["request_url"]);
        Assert.Equal("https://flywheel.example.com/api/slack/oauth_redirect", (string?)manifest["oauth_config"]!["redirect_urls"]![0]);
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
