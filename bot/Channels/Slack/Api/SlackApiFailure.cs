namespace FlywheelBot.Channels.Slack.Api;

/// <summary>What a failed Web API call means for the caller.</summary>
internal enum SlackApiFailure
{
    /// <summary>The call succeeded (<c>ok:true</c>).</summary>
    None,

    /// <summary>The conversation cannot be reached (<c>not_in_channel</c>, <c>channel_not_found</c>, <c>is_archived</c>...): stop sending there.</summary>
    ConversationGone,

    /// <summary>The token is dead (<c>invalid_auth</c>, <c>account_inactive</c>, <c>token_revoked</c>...): the install is gone.</summary>
    InstallGone,

    /// <summary>Throttled (429) longer than we wait, a server error or a timeout: try again later.</summary>
    RetryLater,

    /// <summary>Slack refused the request itself (<c>invalid_blocks</c>, <c>msg_too_long</c>, <c>invalid_arguments</c>...): a bug to log.</summary>
    Rejected,
}
