using FlywheelBot.Settings;
using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// The OAuth ("Add to Slack") settings under <c>Slack</c>. With <see cref="ClientId"/> and <see cref="ClientSecret"/>
/// set, the bot serves every workspace that installs it; without them, the one workspace of <c>Slack:BotToken</c>.
/// </summary>
internal sealed class SlackOAuthOptions
{
    public const string Section = "Slack";

    /// <summary>The bot scopes asked for at install: exactly those of the app manifest.</summary>
    public static IReadOnlyList<string> BotScopes => Manifest.SlackManifest.BotScopes;

    /// <summary>The app's Client ID (Basic Information page of the Slack app).</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's Client Secret (keep it out of the repo: user-secrets, Key Vault, App Service settings).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Web API base URL (tests point it at a fake); <c>oauth.v2.access</c> and <c>auth.test</c> go there.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Where the browser is sent to approve the install.</summary>
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>
    /// With token rotation on (the app's <c>token_rotation_enabled</c>), a bot token this close to its expiry is
    /// refreshed before use. Slack's tokens live 12 hours; Bolt refreshes at 2 hours left.
    /// </summary>
    [TimeSpanRange("00:01:00", "11:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Whether the printed app manifest turns token rotation on (<c>settings.token_rotation_enabled</c>).</summary>
    public bool TokenRotation { get; set; }

    /// <summary>The bot's public base URL (from <c>Hosting:PublicUrl</c>, set by the host); null: the request's own address.</summary>
    public Uri? PublicBaseUri { get; internal set; }

    /// <summary>Whether OAuth distribution is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The Web API base as a URI with a trailing slash.</summary>
    public Uri ApiBase => new(ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}
