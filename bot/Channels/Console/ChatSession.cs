using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>
/// The advisor conversation over a reader and a writer: the same pure <see cref="Advisor.Conversation.Advisor"/>
/// as every channel, rendered as plain text. State and the profile live in memory for the session.
/// </summary>
internal sealed class ChatSession(Advisor.Conversation.Advisor advisor, ITextRenderer renderer, TimeProvider clock, ConversationScope scope)
{
    private ConversationState _state = ConversationState.Empty;
    private TeamProfile? _profile;

    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        // In a terminal nobody has to press a button first: greet, then ask the first question.
        await WriteAsync(output, Turn(TurnKind.Installed, null));
        await WriteAsync(output, Turn(TurnKind.Message, "start"));
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || IsQuit(line))
            {
                await output.WriteLineAsync();
                return;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await WriteAsync(output, Turn(TurnKind.Message, line));
        }
    }

    private ImmutableArray<ViewModel> Turn(TurnKind kind, string? text)
    {
        var input = new AdvisorInput(kind, scope, text, ImmutableDictionary<string, string>.Empty, _profile);
        var now = clock.GetUtcNow();
        var result = advisor.NextTurn(_state, input, now);
        _state = result.State;
        if (result.ProfileChange is { } change)
        {
            _profile = change.Apply(_profile);
        }

        return result.Output.Replies;
    }

    private async Task WriteAsync(TextWriter output, ImmutableArray<ViewModel> replies)
    {
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(renderer.Render(reply));
            await output.WriteLineAsync();
        }
    }

    private static bool IsQuit(string line) => IntentReader.Normalize(line) is "quit" or "exit" or "bye";
}
