namespace FlywheelBot.Files;

/// <summary>Settings under <c>Hosting</c>: how the world reaches this bot.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// The public base URL of the bot (e.g. <c>https://flywheel.azurewebsites.net</c>), used for links the bot hands
    /// out (served files, the Slack OAuth redirect). Empty: the address of the request being served (fine locally).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The public URL without a trailing slash, or null when not set.</summary>
    public Uri? PublicBaseUri =>
        string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
}
