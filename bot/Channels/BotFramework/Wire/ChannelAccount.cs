namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>A user or bot on a channel.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}
