using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// Who may issue the tokens the bot accepts, and for which audiences (PROTOCOLS.md, Authentication). Built from
/// <see cref="BotFrameworkOptions"/> so a sovereign cloud (e.g. US Government: <c>https://api.botframework.us</c>,
/// <c>login.microsoftonline.us</c>) is a matter of settings.
/// </summary>
internal sealed record TokenIssuers(
    string BotFramework,
    ImmutableHashSet<string> EntraV1,
    ImmutableHashSet<string> EntraV2,
    ImmutableArray<string> BotFrameworkAudiences,
    ImmutableArray<string> EntraAudiences)
{
    /// <summary>The tenants Bot Framework services issue Entra tokens from (public cloud).</summary>
    public static readonly ImmutableArray<string> DefaultBotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public const string DefaultEntraV1IssuerTemplate = "https://sts.windows.net/{tenant}/";

    public const string DefaultEntraV2IssuerTemplate = "https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>
    /// Bot Framework tokens: audience = the app id, as the SDK's <c>ChannelValidation</c> checks. Entra tokens: the SDK's
    /// <c>EmulatorValidation</c> does not check the audience at all and relies on <c>appid</c>/<c>azp</c> being the bot;
    /// this bot also requires the audience to be one the bot can be addressed by: the app id, <c>api://{appId}</c> (as
    /// Microsoft's Teams SDK accepts) or the Bot Framework API itself (the resource of <c>TokenScope</c>, which is what
    /// the Emulator's tokens carry).
    /// </summary>
    public static TokenIssuers For(BotFrameworkOptions options, string appId, string? botTenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.BotFrameworkTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToImmutableArray();
        var tenants = configured.IsEmpty ? DefaultBotFrameworkTenants : configured;
        if (!string.IsNullOrWhiteSpace(botTenantId))
        {
            tenants = tenants.Add(botTenantId.Trim());
        }

        var v1 = string.IsNullOrWhiteSpace(options.EntraV1IssuerTemplate) ? DefaultEntraV1IssuerTemplate : options.EntraV1IssuerTemplate;
        var v2 = string.IsNullOrWhiteSpace(options.EntraV2IssuerTemplate) ? DefaultEntraV2IssuerTemplate : options.EntraV2IssuerTemplate;
        var apiResource = options.TokenScope.EndsWith("/.default", StringComparison.Ordinal) ? options.TokenScope[..^"/.default".Length] : options.TokenScope;
        return new TokenIssuers(
            options.TokenIssuer,
            tenants.Select(t => v1.Replace("{tenant}", t, StringComparison.Ordinal)).ToImmutableHashSet(StringComparer.Ordinal),
            tenants.Select(t => v2.Replace("{tenant}", t, StringComparison.Ordinal)).ToImmutableHashSet(StringComparer.Ordinal),
            [appId],
            [appId, "api://" + appId, apiResource]);
    }
}
