using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// A choice question about the team (audience, awareness, community): its choices and the everyday words that
/// mean each choice ("senior people" means <c>sdm</c>). Typed answers may also be the choice's number.
/// </summary>
internal sealed record BasicQuestion(
    string Id,
    string Prompt,
    string Hint,
    ImmutableArray<ChoiceOption> Choices,
    ImmutableArray<(string Word, string Value)> Synonyms)
{
    /// <summary>Maps typed or card text to a choice value; null when nothing matches.</summary>
    public string? Match(string text)
    {
        var normalized = IntentReader.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (ChoiceMatcher.Match(Choices, normalized) is { } exact)
        {
            return exact;
        }

        // Whole-word containment, longest synonym first, so "we sell to senior people" still reads as sdm.
        var padded = $" {normalized.Replace('-', ' ')} ";
        foreach (var (word, value) in Synonyms)
        {
            if (padded.Contains($" {word} ", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    public string LabelOf(string value) => Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;
}
