using System.Text.Encodings.Web;
using System.Text.Json;
using FlywheelBot.Channels.Slack.Installations;
using Microsoft.Extensions.Configuration;

namespace FlywheelBot.Channels.Slack.Manifest;

/// <summary>
/// <c>slack-manifest --url https://&lt;host&gt; [--socket-mode] [--oauth] [--token-rotation]</c>: prints the app manifest
/// as JSON, to paste into "Create New App → From an app manifest". The bot's own settings decide the distribution part,
/// so the manifest matches the bot that will run: with <c>Slack:ClientId</c> and <c>Slack:ClientSecret</c> set (or
/// <c>--oauth</c>) it lists the OAuth redirect URL <c>{url}/api/slack/oauth_redirect</c>; with <c>Slack:TokenRotation</c>
/// (or <c>--token-rotation</c>) it turns token rotation on. <c>--url</c> defaults to <c>Hosting:PublicUrl</c>.
/// Exit 0 printed, 2 bad arguments (one line naming the problem).
/// </summary>
internal static class SlackManifestCommand
{
    private const string Usage = "usage: slack-manifest --url https://<your-host> [--oauth] [--token-rotation] | slack-manifest --socket-mode [--url https://<your-host>]";

    public static int Run(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Uri? url = null;
        var socketMode = false;
        var oauth = !string.IsNullOrWhiteSpace(configuration["Slack:ClientId"]) && !string.IsNullOrWhiteSpace(configuration["Slack:ClientSecret"]);
        var rotation = bool.TryParse(configuration["Slack:TokenRotation"], out var configured) && configured;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length:
                    url = ParseUrl(args[++i]);
                    if (url is null)
                    {
                        stderr.WriteLine($"--url must be an absolute https URL without query, e.g. https://flywheel.example.com (got '{args[i]}'). {Usage}");
                        return 2;
                    }

                    break;
                case "--socket-mode":
                    socketMode = true;
                    break;
                case "--oauth":
                    oauth = true;
                    break;
                case "--token-rotation":
                    rotation = true;
                    break;
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (url is null && configuration["Hosting:PublicUrl"] is { Length: > 0 } publicUrl)
        {
            url = ParseUrl(publicUrl.Trim());
            if (url is null)
            {
                stderr.WriteLine($"Hosting:PublicUrl must be an absolute https URL without query (got '{publicUrl}'); pass --url instead. {Usage}");
                return 2;
            }
        }

        if (url is null && !socketMode)
        {
            stderr.WriteLine($"--url is required (or Hosting:PublicUrl, or --socket-mode). {Usage}");
            return 2;
        }

        if (oauth && url is null)
        {
            stderr.WriteLine($"Distribution (--oauth, or Slack:ClientId and Slack:ClientSecret set) needs --url for the OAuth redirect URL. {Usage}");
            return 2;
        }

        if (rotation && !oauth)
        {
            // A rotating token dies after 12 hours; refreshing it (oauth.v2.access, grant_type=refresh_token) takes the
            // app's client id and secret, which a single-workspace bot does not have.
            stderr.WriteLine($"Token rotation needs distribution (--oauth, or Slack:ClientId and Slack:ClientSecret set): the bot refreshes rotating tokens with the client id and secret. {Usage}");
            return 2;
        }

        var redirects = oauth ? new[] { SlackInstallFlow.RedirectUrl(WithSlash(url!)) } : null;
        var manifest = SlackManifest.Build(socketMode ? null : url, socketMode, redirects, rotation);
        stdout.WriteLine(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    private static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? url
            : null;

    private static Uri WithSlash(Uri url) => new(url.AbsoluteUri.TrimEnd('/') + "/", UriKind.Absolute);
}
