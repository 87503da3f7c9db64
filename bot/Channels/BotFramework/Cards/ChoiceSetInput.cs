using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A single-choice input; its value arrives under its <see cref="CardElement.Id"/>.</summary>
internal sealed record ChoiceSetInput(ImmutableArray<Choice> Choices) : CardElement
{
    public string? Label { get; init; }

    /// <summary>The preselected choice value.</summary>
    public string? Value { get; init; }

    public ChoiceSetStyle? Style { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public bool? Wrap { get; init; }
}
