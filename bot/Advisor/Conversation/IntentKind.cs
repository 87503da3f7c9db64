namespace FlywheelBot.Advisor.Conversation;

/// <summary>What a turn asks for, before the conversation decides what it means in its current state.</summary>
internal enum IntentKind
{
    /// <summary>Free text: an answer to the current question, or something unknown.</summary>
    Text,
    Start,
    Answer,
    Skip,
    Back,
    Help,
    Cancel,
    Restart,
    Why,
    Advice,
    Learn,
    Quiz,
    Next,
    MetricUpdate,
}
