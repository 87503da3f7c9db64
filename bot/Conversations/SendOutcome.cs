namespace FlywheelBot.Conversations;

/// <summary>How a proactive send ended.</summary>
public enum SendOutcome
{
    Sent,

    /// <summary>The bot was removed or blocked, or the conversation deleted (403/404): stop sending there.</summary>
    Gone,

    /// <summary>Throttled or a transient failure after retries (429/5xx/timeout): try again later.</summary>
    RetryLater,
}
