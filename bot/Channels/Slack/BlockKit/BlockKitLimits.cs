namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>Slack's Block Kit limits (from @slack/types and Slack's reference), enforced by every builder here.</summary>
internal static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionsElements = 25;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int SelectOptions = 100;
    public const int Id = 255;
    public const int AltText = 2000;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int ViewTitle = 24;
    public const int PrivateMetadata = 3000;

    /// <summary>The message <c>text</c> kept short: Slack shows it in notifications (and truncates very long ones).</summary>
    public const int NotificationText = 3000;

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, ending in an ellipsis when cut (never a split surrogate pair).</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }
}
