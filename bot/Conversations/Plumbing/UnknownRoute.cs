namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// The route of a stored address whose route type is not registered (its channel is switched off in this deployment):
/// kept as its discriminator, so the address still loads; no messenger sends to it.
/// </summary>
internal sealed record UnknownRoute(string Discriminator) : ConversationRoute;
