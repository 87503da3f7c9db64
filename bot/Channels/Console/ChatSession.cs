using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>
/// The terminal as a channel: each typed line is an <see cref="InboundTurn"/> through the same turn handler as every other
/// channel (check-in commands, history and export included), answered as plain text. The conversation's address is saved
/// like any channel's, so a due check-in prints here while the chat is open. A leading mention (<c>@FlywheelBot</c>, or
/// any <c>@name</c>) is dropped, as Teams drops the bot's own.
/// </summary>
internal sealed partial class ChatSession(TurnRunner runner, IConversationDirectory directory, ConsoleOutput output, ChatSettings settings)
{
    public async Task RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var route = new ConsoleRoute(settings.UserName);
        await directory.SaveAsync(new ConversationAddress(ConsoleRoute.Channel, settings.ConversationKey, settings.Scope, settings.TimeZone, route), cancellationToken);

        // In a terminal nobody has to press a button first: greet, then ask the first question.
        await TurnAsync(TurnKind.Installed, null, cancellationToken);
        await TurnAsync(TurnKind.Message, "start", cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Prompt();
            var line = await input.ReadLineAsync(cancellationToken);
            output.Answered(endOfInput: line is null || IsQuit(line));
            if (line is null || IsQuit(line))
            {
                return;
            }

            var text = WithoutMention(line);
            if (text.Length > 0)
            {
                await TurnAsync(TurnKind.Message, text, cancellationToken);
            }
        }
    }

    /// <summary>The line without a leading <c>@name</c> (the bot's, or anyone's: in a terminal every line is to the bot).</summary>
    internal static string WithoutMention(string line) => LeadingMention().Replace(line, string.Empty).Trim();

    private async Task TurnAsync(TurnKind kind, string? text, CancellationToken cancellationToken)
    {
        var turn = new InboundTurn(
            settings.ConversationKey, settings.Scope, kind, settings.UserName, settings.UserName, text, ImmutableDictionary<string, string>.Empty, settings.TimeZone);
        var answer = await runner.RunAsync(turn, cancellationToken);
        output.Write(answer is null ? [TurnFailedView.Instance] : answer.Replies);
    }

    private static bool IsQuit(string line) => IntentReader.Normalize(line) is "quit" or "exit" or "bye";

    [GeneratedRegex(@"^\s*@\S+[\s,:]*")]
    private static partial Regex LeadingMention();
}
