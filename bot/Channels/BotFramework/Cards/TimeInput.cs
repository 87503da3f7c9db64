namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A time input (<c>HH:mm</c>); its value arrives under its <see cref="CardElement.Id"/>.</summary>
internal sealed record TimeInput : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }
}
