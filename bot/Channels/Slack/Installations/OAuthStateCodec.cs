using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Issues and checks the OAuth <c>state</c> (CSRF protection of the install, as <c>@slack/oauth</c> does with a signed
/// JWT and a cookie). The state is a random nonce and its issue time, encrypted and authenticated with Data Protection
/// (so any instance sharing the key ring can check it, and no one else can make or alter one); it is valid for
/// <see cref="Lifetime"/>. The nonce is also set as a cookie on the browser that asked to install; the redirect is
/// accepted only from that browser. Single use is enforced separately (<see cref="OAuthStateLedger"/>).
/// </summary>
internal sealed class OAuthStateCodec(IDataProtectionProvider provider, TimeProvider clock)
{
    public const string Purpose = "FlywheelBot.Slack.OAuthState.v1";
    public const string CookieName = "slack-app-oauth-state";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Version = "v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public IssuedOAuthState Issue()
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var issuedAt = clock.GetUtcNow();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Version}:{nonce}:{issuedAt.ToUnixTimeMilliseconds()}");
        return new IssuedOAuthState(_protector.Protect(payload), nonce, issuedAt + Lifetime);
    }

    /// <summary>Checks a returned state against the cookie of the browser that brought it (null when it had none).</summary>
    public OAuthStateCheck Check(string? state, string? cookie)
    {
        if (string.IsNullOrEmpty(state))
        {
            return new OAuthStateCheck(OAuthStateVerdict.Missing);
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return new OAuthStateCheck(OAuthStateVerdict.Forged);
        }

        var parts = payload.Split(':');
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length != 32
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return new OAuthStateCheck(OAuthStateVerdict.Forged);
        }

        var nonce = parts[1];
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        var expiresAt = issuedAt + Lifetime;
        var now = clock.GetUtcNow();
        if (now >= expiresAt || issuedAt > now + TimeSpan.FromMinutes(1))
        {
            return new OAuthStateCheck(OAuthStateVerdict.Expired, nonce, expiresAt);
        }

        if (cookie is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(nonce)))
        {
            return new OAuthStateCheck(OAuthStateVerdict.OtherBrowser, nonce, expiresAt);
        }

        return new OAuthStateCheck(OAuthStateVerdict.Valid, nonce, expiresAt);
    }
}
