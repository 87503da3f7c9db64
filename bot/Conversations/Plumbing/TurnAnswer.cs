namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// How <see cref="LateReplies"/> ended for the request: in time with the turn's output (null: the turn failed, apologise),
/// or deferred (acknowledge now; the replies follow through the proactive messenger).
/// </summary>
internal sealed record TurnAnswer(bool Deferred, TurnOutput? Output)
{
    public static TurnAnswer Later { get; } = new(Deferred: true, Output: null);

    public static TurnAnswer InTime(TurnOutput? output) => new(Deferred: false, output);
}
