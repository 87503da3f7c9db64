namespace FlywheelBot.Conversations;

/// <summary>
/// A channel lost its installation somewhere (the app was uninstalled from a workspace, or its tokens revoked): the
/// conversations whose keys start with <paramref name="ConversationKeyPrefix"/> can no longer be reached.
/// <paramref name="Reason"/> is shown to people (for example as why check-ins are paused).
/// </summary>
public sealed record InstallationRemoved(string ConversationKeyPrefix, string Reason);
