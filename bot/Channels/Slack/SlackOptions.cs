using FlywheelBot.Settings;
using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// Settings of the native Slack channel (section <c>Slack</c>). Slack is on when <see cref="SigningSecret"/> and
/// <see cref="BotToken"/> are set (one workspace; with Socket Mode the app-level token may stand in for the signing
/// secret), or when OAuth distribution is configured (<c>Slack:ClientId</c> and <c>Slack:ClientSecret</c>); otherwise off.
/// </summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information page): every request to <c>/api/slack/events</c> is checked with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-</c>) of the one workspace the app is installed in (no OAuth).</summary>
    public string? BotToken { get; set; }

    /// <summary>An app-level token (<c>xapp-</c>, scope <c>connections:write</c>) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Receive over a Socket Mode WebSocket instead of HTTP requests (no public URL needed).</summary>
    public bool SocketMode { get; set; }

    /// <summary>The Web API base URL; tests point it at a fake.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Largest accepted request body in bytes (Slack's payloads are a few KB; a view submission can be larger).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far a request timestamp may be from now (Slack's rule: 5 minutes).</summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest <c>Retry-After</c> of a 429 that a send waits for before giving up (the send is retried later).</summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Web API base as a URI with a trailing slash.</summary>
    public Uri ApiBase => new(ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}
