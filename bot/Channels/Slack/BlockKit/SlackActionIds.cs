using System.Collections.Immutable;
using System.Text.Json;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>
/// How buttons and inputs carry the neutral card data through Slack. A button's <c>value</c> is its data map as JSON; its
/// <c>action_id</c> is <c>fw:a:{n}</c> when pressing it answers the message it is on (the message is then updated in
/// place, as Action.Execute replaces a Teams card) and <c>fw:n:{n}</c> when it starts something new. A question's number
/// field is an input block <c>fw:q:{questionId}</c> whose Enter sends the typed value as the answer.
/// </summary>
internal static class SlackActionIds
{
    public const string Prefix = "fw:";
    public const string AnswerInput = "fw:a:input";
    public const string QuestionBlockPrefix = "fw:q:";

    /// <summary>The menu of a question that takes several choices; picking only changes the message's state.</summary>
    public const string PickInput = "fw:pick";

    /// <summary>The button that sends what was picked in <see cref="PickInput"/> as the answer (updating its message).</summary>
    public const string PickedAnswer = "fw:a:picked";

    /// <summary>The actions block that holds the menu of question <c>{questionId}</c>.</summary>
    public const string PickBlockPrefix = "fw:pick:";

    public static string For(ViewAction action, int index) => action.AnswersCard ? $"fw:a:{index}" : $"fw:n:{index}";

    public static string Value(ImmutableSortedDictionary<string, string> data) =>
        JsonSerializer.Serialize(data, FlywheelBot.Channels.Slack.SlackJsonContext.Default.ImmutableSortedDictionaryStringString);

    /// <summary>True when the action id is one of ours and answers its message.</summary>
    public static bool AnswersMessage(string actionId) => actionId.StartsWith("fw:a:", StringComparison.Ordinal);

    /// <summary>
    /// The neutral values of one Slack action: a button's data map, or for the question input the answer to that
    /// question. False for actions that are not ours or carry unreadable values.
    /// </summary>
    public static bool TryRead(string? actionId, string? blockId, string? value, out ImmutableDictionary<string, string> values)
    {
        values = ImmutableDictionary<string, string>.Empty;
        if (actionId is null || !actionId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (actionId == AnswerInput)
        {
            if (blockId is null || !blockId.StartsWith(QuestionBlockPrefix, StringComparison.Ordinal) || value is null)
            {
                return false;
            }

            values = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [ViewData.Command] = ViewCommands.Answer,
                [ViewData.Question] = blockId[QuestionBlockPrefix.Length..],
                [ViewData.Value] = value,
            });
            return true;
        }

        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            var map = JsonSerializer.Deserialize(value, FlywheelBot.Channels.Slack.SlackJsonContext.Default.DictionaryStringString);
            if (map is null)
            {
                return false;
            }

            values = map.ToImmutableDictionary(StringComparer.Ordinal);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
