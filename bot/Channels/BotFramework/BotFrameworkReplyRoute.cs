using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// The route of a late reply: answers <see cref="Inbound"/> in its own conversation and thread (to
/// <c>/activities/{replyToId}</c>), exactly as a reply within the request would. Lives only in memory while a slow turn
/// runs; it is never stored.
/// </summary>
internal sealed record BotFrameworkReplyRoute(Activity Inbound) : ConversationRoute;
