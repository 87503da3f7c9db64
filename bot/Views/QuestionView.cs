using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>
/// One interview question. <see cref="Choices"/> empty means a number is expected (<see cref="Unit"/> says which).
/// <see cref="Problem"/> is set on a re-ask: what was wrong and what is expected. <see cref="Min"/>/<see cref="Max"/>
/// bound a number answer (null: unbounded, e.g. NPS may be negative).
/// </summary>
public sealed record QuestionView(
    string QuestionId,
    string Prompt,
    string Hint,
    QuestionProgress Progress,
    ImmutableArray<ChoiceOption> Choices,
    string? Unit,
    string? Problem,
    bool CanGoBack,
    decimal? Min = null,
    decimal? Max = null) : ViewModel
{
    public bool IsChoice => !Choices.IsDefaultOrEmpty;

    /// <summary>Several choices may be picked (what the team is doing now).</summary>
    public bool IsMultiSelect { get; init; }
}
