using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A choice input (single, or several with <see cref="IsMultiSelect"/>); its value arrives under its <see cref="CardElement.Id"/>.</summary>
internal sealed record ChoiceSetInput(ImmutableArray<Choice> Choices) : CardElement
{
    public string? Label { get; init; }

    /// <summary>The preselected choice value.</summary>
    public string? Value { get; init; }

    public ChoiceSetStyle? Style { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public bool? Wrap { get; init; }

    /// <summary>True: several choices may be picked; the value arrives as the picked values joined by commas.</summary>
    public bool? IsMultiSelect { get; init; }
}
