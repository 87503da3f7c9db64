namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A single-line text input; its value arrives under its <see cref="CardElement.Id"/>.</summary>
internal sealed record TextInput : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
