namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>An instance (<paramref name="Owner"/>, random per process) is exchanging the refresh token until <paramref name="Until"/>.</summary>
internal sealed record RefreshLease(string Owner, DateTimeOffset Until);
