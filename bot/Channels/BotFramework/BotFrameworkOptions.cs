using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>Settings of the Bot Framework channel (section <c>BotFramework</c>). The credentials are in <see cref="BotCredentials"/>.</summary>
internal sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>
    /// Whether the channel is on (default true). Read once at registration (<see cref="BotFrameworkSwitch"/>): off, nothing
    /// of the channel is registered and <c>/api/messages</c> is not mapped.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>OpenID metadata of the Bot Framework token service (keys with channel endorsements).</summary>
    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra-issued tokens (Emulator, single-tenant setups).</summary>
    [Required]
    [Url]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Client-credentials token endpoint; <c>{tenant}</c> is replaced by the bot's tenant.</summary>
    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Scope asked for outbound connector tokens.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Service URLs that get the bot's token even before a validated request came from them.</summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    /// <summary>Largest accepted activity body in bytes; larger ones get 413.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a message turn may run before the request is acknowledged and replies are sent proactively.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:14")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time between two signing-key refreshes triggered by an unknown key id.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a connector send after the first attempt (412/429/502/503/504 and timeouts).</summary>
    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay of connector retries; doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan ConnectorBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for in-line: the send fails as "retry later".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one connector attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:02:00")]
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
