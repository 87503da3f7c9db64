namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// The bot's identity, bound from the top-level settings Bot Framework users already have
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>;
/// environment variables of the same names work). No app id means authentication is off (Development only).
/// </summary>
internal sealed class BotCredentials
{
    public const string SingleTenant = "SingleTenant";
    public const string MultiTenant = "MultiTenant";

    /// <summary>A user-assigned managed identity is the bot's identity: <c>MicrosoftAppId</c> is its client id, no password.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Outbound tokens come from the managed identity <c>MicrosoftAppId</c> names, not from a client secret.</summary>
    public bool IsManagedIdentity => string.Equals(MicrosoftAppType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase);

    /// <summary>SingleTenant when said so, or when the type is left out but a tenant id is given (new bots are single-tenant).</summary>
    public bool IsSingleTenant => string.IsNullOrWhiteSpace(MicrosoftAppType)
        ? !string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
        : string.Equals(MicrosoftAppType, SingleTenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant outbound tokens are asked from: the bot's own for single-tenant bots, <c>botframework.com</c> otherwise.</summary>
    public string TokenTenant => IsSingleTenant ? MicrosoftAppTenantId! : "botframework.com";
}
