using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>Who may issue the tokens the bot accepts (PROTOCOLS.md, Authentication).</summary>
internal sealed record TokenIssuers(ImmutableHashSet<string> EntraV1, ImmutableHashSet<string> EntraV2)
{
    public const string BotFramework = "https://api.botframework.com";

    /// <summary>The tenants Bot Framework services issue Entra tokens from.</summary>
    public static readonly ImmutableArray<string> BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static TokenIssuers For(string? botTenantId)
    {
        var tenants = string.IsNullOrWhiteSpace(botTenantId) ? BotFrameworkTenants : BotFrameworkTenants.Add(botTenantId);
        return new TokenIssuers(
            tenants.Select(t => $"https://sts.windows.net/{t}/").ToImmutableHashSet(StringComparer.Ordinal),
            tenants.Select(t => $"https://login.microsoftonline.com/{t}/v2.0").ToImmutableHashSet(StringComparer.Ordinal));
    }
}
