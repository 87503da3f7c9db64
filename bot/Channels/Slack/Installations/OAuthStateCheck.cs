namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The verdict on a returned <c>state</c>; for a genuine one also its nonce and expiry (to mark it used).</summary>
internal sealed record OAuthStateCheck(OAuthStateVerdict Verdict, string? Nonce = null, DateTimeOffset? ExpiresAt = null);
