using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Reads a typed or card answer to a choice question: the choice's number, its value, or its label.</summary>
internal static class ChoiceMatcher
{
    public static string? Match(ImmutableArray<ChoiceOption> choices, string normalized)
    {
        if (int.TryParse(normalized, out var number) && number >= 1 && number <= choices.Length)
        {
            return choices[number - 1].Value;
        }

        return choices.FirstOrDefault(c =>
            string.Equals(c.Value, normalized, StringComparison.Ordinal) ||
            string.Equals(IntentReader.Normalize(c.Label), normalized, StringComparison.Ordinal))?.Value;
    }
}
