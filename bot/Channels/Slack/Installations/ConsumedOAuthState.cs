namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The mark that a state nonce was used (collection <c>slack_oauth_states</c>), kept until the state would have expired.</summary>
internal sealed record ConsumedOAuthState(DateTimeOffset UsedAt);
