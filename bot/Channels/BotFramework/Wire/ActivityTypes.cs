namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>Activity type, invoke name and content type strings of the Bot Framework protocol.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";

    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string ExpectReplies = "expectReplies";

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";
    public const string ErrorResponseType = "application/vnd.microsoft.error";
}
