namespace FlywheelBot.Channels.Slack;

/// <summary>Whether the Slack channel is on (decided once from the settings) and how it receives.</summary>
internal sealed record SlackSwitch(bool Enabled, bool SocketMode, bool OAuth)
{
    /// <summary>On with a signing secret and a bot token (one workspace), or with the OAuth client id and secret (any number).</summary>
    public static SlackSwitch From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        bool Has(string key) => !string.IsNullOrWhiteSpace(section[key]);
        var oauth = Has("ClientId") && Has("ClientSecret");
        var enabled = (Has(nameof(SlackOptions.SigningSecret)) && Has(nameof(SlackOptions.BotToken))) || oauth;
        var socket = enabled && bool.TryParse(section[nameof(SlackOptions.SocketMode)], out var on) && on;
        return new SlackSwitch(enabled, socket, oauth);
    }
}
