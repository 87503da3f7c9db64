namespace FlywheelBot.Channels.Slack.Api;

/// <summary>Maps Slack's <c>ok:false</c> error codes to what the bot does about them.</summary>
internal static class SlackApiErrors
{
    private static readonly HashSet<string> ConversationGone = new(StringComparer.Ordinal)
    {
        "not_in_channel", "channel_not_found", "is_archived", "user_not_found", "cannot_dm_bot", "user_disabled", "restricted_action",
    };

    private static readonly HashSet<string> InstallGone = new(StringComparer.Ordinal)
    {
        "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed", "no_permission", "team_disabled", "org_login_required",
    };

    private static readonly HashSet<string> RetryLater = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "timeout", "connection_failed", "service_unavailable", "fatal_error", "internal_error", "request_timeout",
    };

    public static SlackApiFailure Classify(string? error) => error switch
    {
        null => SlackApiFailure.Rejected,
        _ when ConversationGone.Contains(error) => SlackApiFailure.ConversationGone,
        _ when InstallGone.Contains(error) => SlackApiFailure.InstallGone,
        _ when RetryLater.Contains(error) || error.StartsWith("http_5", StringComparison.Ordinal) || error == "http_429" => SlackApiFailure.RetryLater,
        _ => SlackApiFailure.Rejected,
    };
}
