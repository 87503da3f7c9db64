using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlywheelBot.Channels.Slack.Manifest;

/// <summary>
/// <c>slack-manifest --url https://&lt;host&gt; [--socket-mode]</c>: prints the app manifest as JSON, to paste into
/// "Create New App → From an app manifest". Exit 0 printed, 2 bad arguments (one line naming the problem).
/// </summary>
internal static class SlackManifestCommand
{
    private const string Usage = "usage: slack-manifest --url https://<your-host> | slack-manifest --socket-mode [--url https://<your-host>]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Uri? url = null;
        var socketMode = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length:
                    if (!Uri.TryCreate(args[++i], UriKind.Absolute, out url) || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
                    {
                        stderr.WriteLine($"--url must be an absolute https URL without query, e.g. https://flywheel.example.com (got '{args[i]}'). {Usage}");
                        return 2;
                    }

                    break;
                case "--socket-mode":
                    socketMode = true;
                    break;
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (url is null && !socketMode)
        {
            stderr.WriteLine($"--url is required (or --socket-mode). {Usage}");
            return 2;
        }

        var manifest = SlackManifest.Build(socketMode ? null : url, socketMode);
        stdout.WriteLine(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }
}
