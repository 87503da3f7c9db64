namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>The conversation an activity belongs to. Teams adds <see cref="ConversationType"/> and <see cref="TenantId"/>.</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }
}
