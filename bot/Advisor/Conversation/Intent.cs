namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// A read turn. <see cref="Question"/> is the question a card answer belongs to (null for typed text);
/// <see cref="Value"/> the answer text or value; <see cref="Stage"/> a stage id for the tour;
/// <see cref="MetricId"/> the metric a "visitors are 5,400 now" update names.
/// </summary>
internal sealed record Intent(IntentKind Kind, string? Value = null, string? Question = null, string? Stage = null, string? MetricId = null)
{
    public bool FromCard => Question is not null;
}
