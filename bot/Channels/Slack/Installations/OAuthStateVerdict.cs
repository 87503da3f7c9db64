namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>What the check of an OAuth <c>state</c> against the browser's cookie found.</summary>
public enum OAuthStateVerdict
{
    Valid,

    /// <summary>No <c>state</c> came back.</summary>
    Missing,

    /// <summary>Not issued by this bot (or altered): it does not decrypt and authenticate with the key ring.</summary>
    Forged,

    /// <summary>Issued more than <see cref="OAuthStateCodec.Lifetime"/> ago.</summary>
    Expired,

    /// <summary>Genuine, but this browser did not start the install (no cookie, or another install's cookie).</summary>
    OtherBrowser,

    /// <summary>Genuine and for this browser, but already used once.</summary>
    Replayed,
}
