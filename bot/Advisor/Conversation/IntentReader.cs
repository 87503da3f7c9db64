using System.Collections.Frozen;
using System.Text.RegularExpressions;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Reads a turn into an <see cref="Intent"/>: card data first (the <c>cmd</c> key, or the Action.Execute
/// <c>verb</c>), then typed commands, "what should we do next" variants and metric updates; anything else is text.
/// </summary>
internal static partial class IntentReader
{
    private static readonly FrozenDictionary<string, IntentKind> Commands = new Dictionary<string, IntentKind>(StringComparer.Ordinal)
    {
        ["help"] = IntentKind.Help,
        ["?"] = IntentKind.Help,
        ["commands"] = IntentKind.Help,
        ["back"] = IntentKind.Back,
        ["go back"] = IntentKind.Back,
        ["skip"] = IntentKind.Skip,
        ["pass"] = IntentKind.Skip,
        ["no idea"] = IntentKind.Skip,
        ["don't know"] = IntentKind.Skip,
        ["dont know"] = IntentKind.Skip,
        ["i don't know"] = IntentKind.Skip,
        ["i dont know"] = IntentKind.Skip,
        ["dunno"] = IntentKind.Skip,
        ["n/a"] = IntentKind.Skip,
        ["cancel"] = IntentKind.Cancel,
        ["stop"] = IntentKind.Cancel,
        ["restart"] = IntentKind.Restart,
        ["start over"] = IntentKind.Restart,
        ["reset"] = IntentKind.Restart,
        ["start"] = IntentKind.Start,
        ["begin"] = IntentKind.Start,
        ["continue"] = IntentKind.Start,
        ["resume"] = IntentKind.Start,
        ["interview"] = IntentKind.Start,
        ["why"] = IntentKind.Why,
        ["why this"] = IntentKind.Why,
        ["show the stage walk"] = IntentKind.Why,
        ["next"] = IntentKind.Next,
        ["next stage"] = IntentKind.Next,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Intent Read(AdvisorInput input, IFlywheelGuide guide)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = input.Values;
        var command = values.GetValueOrDefault(ViewData.Command);
        if (command is not null)
        {
            return FromCard(command, values);
        }

        var text = Normalize(input.Text);
        if (Commands.TryGetValue(text, out var kind))
        {
            return new Intent(kind);
        }

        if (LearnPattern().Match(text) is { Success: true } learn)
        {
            return new Intent(IntentKind.Learn, Stage: learn.Groups["stage"].Success ? learn.Groups["stage"].Value : null);
        }

        if (AdvicePattern().IsMatch(text))
        {
            return new Intent(IntentKind.Advice);
        }

        if (MetricMentions.TryRead(text, guide, out var metricId, out var valueText))
        {
            return new Intent(IntentKind.MetricUpdate, valueText, MetricId: metricId);
        }

        return new Intent(IntentKind.Text, input.Text?.Trim() ?? string.Empty);
    }

    /// <summary>Lower case, single spaces, no surrounding punctuation: "  What's NEXT?! " reads "what's next".</summary>
    public static string Normalize(string? text)
    {
        var trimmed = (text ?? string.Empty).Replace('\u2019', '\'').Trim().TrimEnd('?', '!', '.').Trim();
        return Spaces().Replace(trimmed, " ").ToLowerInvariant();
    }

    private static Intent FromCard(string command, IReadOnlyDictionary<string, string> values)
    {
        var value = values.GetValueOrDefault(ViewData.Value);
        var question = values.GetValueOrDefault(ViewData.Question);
        var stage = values.GetValueOrDefault(ViewData.Stage);
        return command switch
        {
            ViewCommands.Answer => new Intent(IntentKind.Answer, value ?? string.Empty, question ?? string.Empty),
            ViewCommands.Skip => new Intent(IntentKind.Skip, Question: question),
            ViewCommands.Back => new Intent(IntentKind.Back),
            ViewCommands.Help => new Intent(IntentKind.Help),
            ViewCommands.Cancel => new Intent(IntentKind.Cancel),
            ViewCommands.Restart => new Intent(IntentKind.Restart),
            ViewCommands.Why => new Intent(IntentKind.Why),
            ViewCommands.Advice => new Intent(IntentKind.Advice),
            ViewCommands.Learn => new Intent(IntentKind.Learn, Stage: stage),
            ViewCommands.Quiz => new Intent(IntentKind.Quiz, value ?? string.Empty, Stage: stage),
            ViewCommands.Start => new Intent(IntentKind.Start),
            _ => new Intent(IntentKind.Help),
        };
    }

    [GeneratedRegex(@"^(?:learn|tour|teach me|show me)(?: the flywheel| about)?(?: (?<stage>awareness|engagement|conversion|adoption|advocacy))?(?: stage)?$")]
    private static partial Regex LearnPattern();

    [GeneratedRegex(@"^(?:so,? |ok,? |hey,? )?(?:what'?s next|what is next|next steps?|what now|advice|advise(?: us| me)?|recommendation|(?:give|show) (?:us|me) (?:the |some )?(?:advice|recommendation)|what (?:should|do|shall|can) (?:we|i) (?:do|focus on|work on|prioriti[sz]e|try)(?: next| now| first)?)$")]
    private static partial Regex AdvicePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
