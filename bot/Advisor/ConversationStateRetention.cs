namespace FlywheelBot.Advisor;

/// <summary>
/// How long an untouched conversation state is kept (the setting <c>Storage:DialogStateRetention</c>, which Hosting hands
/// over, so the advisor does not read storage settings itself).
/// </summary>
public sealed record ConversationStateRetention(TimeSpan Duration);
