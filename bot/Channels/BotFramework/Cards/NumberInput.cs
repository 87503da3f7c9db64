namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A number input; its value arrives under its <see cref="CardElement.Id"/>.</summary>
internal sealed record NumberInput : CardElement
{
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
