namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>A fresh OAuth <c>state</c> for the authorize URL and the cookie value that binds it to this browser.</summary>
internal sealed record IssuedOAuthState(string State, string CookieValue, DateTimeOffset ExpiresAt);
