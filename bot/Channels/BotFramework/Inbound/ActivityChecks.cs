using FlywheelBot.Channels.BotFramework.Wire;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// The fields every activity the bot may answer must carry, and what its ids may be: no control characters (a NUL
/// breaks storage and logs) and at most <see cref="MaxIdLength"/> characters (Teams ids are a few hundred; a longer one
/// is not a channel's). Problems come back as a reason for a 400, never as an exception.
/// </summary>
internal static class ActivityChecks
{
    public const int MaxIdLength = 1024;

    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        return BadId("channelId", activity.ChannelId)
            ?? BadId("conversation.id", activity.Conversation.Id)
            ?? BadId("id", activity.Id)
            ?? BadId("replyToId", activity.ReplyToId)
            ?? BadId("from.id", activity.From?.Id)
            ?? BadId("recipient.id", activity.Recipient?.Id)
            ?? BadId("conversation.tenantId", activity.Conversation.TenantId);
    }

    private static string? BadId(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxIdLength)
        {
            return $"The activity's {field} is longer than {MaxIdLength} characters.";
        }

        return value.Any(char.IsControl) ? $"The activity's {field} contains control characters." : null;
    }
}
