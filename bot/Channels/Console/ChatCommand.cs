using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>
/// <c>chat</c>: the advisor conversation in a terminal, rendered as plain text (numbered choices, typed answers).
/// State lives in memory for the session. Exit codes: 0 after <c>quit</c> or end of input, 1 the playbook is broken,
/// 2 bad arguments.
/// </summary>
internal static class ChatCommand
{
    public const string Usage = """
        Usage: chat [--team] [--playbook path]

        Talks you through the flywheel interview in the terminal, the same conversation as in Teams.
        Type answers or the number of a choice; "help" lists the commands; "quit" (or Ctrl+D) leaves.

          --team           behave as in a group chat or channel ("what should we do next", metric updates)
          --playbook path  use your own playbook file instead of the built-in one
          --help           show this help
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var scope = ConversationScope.Personal;
        string? playbookPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                case "--team":
                    scope = ConversationScope.GroupChat;
                    break;
                case "--playbook" when i + 1 < args.Length:
                    playbookPath = args[++i];
                    break;
                default:
                    await error.WriteLineAsync($"chat: unknown argument '{args[i]}'. Try: chat --help");
                    return 2;
            }
        }

        Playbook playbook;
        try
        {
            playbook = PlaybookLoader.Load(playbookPath);
        }
        catch (PlaybookException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        var advisor = new Advisor.Conversation.Advisor(new PlaybookGuide(new DiagnosisEngine(playbook)), TourContent.LoadEmbedded(), AdvisorPolicy.Default);
        var session = new ChatSession(advisor, new PlainTextRenderer(), TimeProvider.System, scope);
        await session.RunAsync(input, output, CancellationToken.None);
        return 0;
    }
}
