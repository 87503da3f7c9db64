using FlywheelBot.Settings;
using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>Settings of the Bot Framework channel (section <c>BotFramework</c>). The credentials are in <see cref="BotCredentials"/>.</summary>
internal sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>Issuer of Bot Framework channel tokens (public cloud; US Government: <c>https://api.botframework.us</c>).</summary>
    [Required]
    [Url]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";
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

    /// <summary>Issuer of Entra v1 tokens; <c>{tenant}</c> is replaced by each accepted tenant. Empty = the public cloud's.</summary>
    public string EntraV1IssuerTemplate { get; set; } = string.Empty;

    /// <summary>Issuer of Entra v2 tokens; <c>{tenant}</c> is replaced by each accepted tenant. Empty = the public cloud's.</summary>
    public string EntraV2IssuerTemplate { get; set; } = string.Empty;

    /// <summary>Tenants Bot Framework services issue Entra tokens from (besides the bot's own). Empty = the public cloud's three.</summary>
    public IList<string> BotFrameworkTenants { get; } = [];

    /// <summary>Client-credentials token endpoint; <c>{tenant}</c> is replaced by the bot's tenant.</summary>
    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Scope asked for outbound connector tokens.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Service URLs that get the bot's token even before a validated request came from them. With authentication off,
    /// the only non-loopback service URLs the bot sends to (an entry also admits the paths below it).
    /// </summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    /// <summary>Largest accepted activity body in bytes; larger ones get 413.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a message turn may run before the request is acknowledged and replies are sent proactively.</summary>
    [TimeSpanRange("00:00:00.010", "00:00:14")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Shortest time between two fetches of the signing keys. A token whose key id is not cached waits for the next fetch
    /// (so a freshly rotated key is accepted at first sight); this spacing bounds what junk key ids can cost.
    /// </summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a key id that was still unknown after a fresh fetch is answered "unknown" without fetching again.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan UnknownKeyIdMemory { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys older than this are fetched again before use.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan MetadataMaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Retries of a connector send after the first attempt (412/429/502/503/504 and timeouts).</summary>
    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay of connector retries; doubles per attempt, with jitter.</summary>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan ConnectorBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for in-line: the send fails as "retry later".</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one connector attempt.</summary>
    [TimeSpanRange("00:00:00.050", "00:02:00")]
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one attempt to reach the token service: the bot's outbound token, the signing keys (three attempts at most).</summary>
    [TimeSpanRange("00:00:00.050", "00:02:00")]
    public TimeSpan TokenAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
