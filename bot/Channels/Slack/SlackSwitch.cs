namespace FlywheelBot.Channels.Slack;

/// <summary>Whether the Slack channel is on (decided once from the settings) and how it receives.</summary>
internal sealed record SlackSwitch(bool Enabled, bool SocketMode, bool OAuth)
{
    /// <summary>
    /// On with a bot token and a signing secret (one workspace over HTTP), a bot token with Socket Mode and an app-level
    /// token (one workspace, no public URL), or the OAuth client id and secret (any number of workspaces).
    /// </summary>
    public static SlackSwitch From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        bool Has(string key) => !string.IsNullOrWhiteSpace(section[key]);
        var oauth = Has("ClientId") && Has("ClientSecret");
        var socketMode = bool.TryParse(section[nameof(SlackOptions.SocketMode)], out var on) && on;
        var single = Has(nameof(SlackOptions.BotToken)) && (Has(nameof(SlackOptions.SigningSecret)) || (socketMode && Has(nameof(SlackOptions.AppToken))));
        var enabled = single || oauth;
        var socket = enabled && socketMode;
        return new SlackSwitch(enabled, socket, oauth);
    }
}
