namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// The end of one OAuth call to Slack: the answer (which may be <c>ok:false</c> with Slack's error code), or
/// <see cref="Unreachable"/> when no answer came (network failure, timeout, a non-JSON or 5xx reply).
/// </summary>
internal sealed record SlackOAuthCallResult<T>(T? Answer, string? Unreachable)
    where T : class
{
    public static SlackOAuthCallResult<T> Answered(T answer) => new(answer, null);

    public static SlackOAuthCallResult<T> Failed(string why) => new(null, why);
}
