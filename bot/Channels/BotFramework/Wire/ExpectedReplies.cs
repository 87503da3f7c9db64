namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>The HTTP body answering an activity sent with <c>deliveryMode: expectReplies</c>.</summary>
internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
