using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Channels.Console;

/// <summary>
/// <c>chat</c>: the bot in a terminal, rendered as plain text (numbered choices, typed answers), through the same turn
/// handler as every channel: the interview, check-ins (a due one prints while the chat is open), history and export.
/// State lives in memory for the session; <paramref name="build"/> composes the host (Hosting's <c>ChatHost</c>).
/// Exit codes: 0 after <c>quit</c> or end of input, 1 the playbook is broken, 2 bad arguments.
/// </summary>
internal static class ChatCommand
{
    public const string Usage = """
        Usage: chat [--team] [--playbook path]

        Talks you through the flywheel interview in the terminal, the same conversation as in Teams: weekly
        check-ins ("check in every Monday at 9", "check-in status"), "history" and "export" work too, and a due
        check-in prints while the chat is open. Type answers or the number of a choice; "help" lists the commands;
        "quit" (or Ctrl+D) leaves. Nothing is kept after the chat ends.

          --team           behave as in a group chat or channel ("@FlywheelBot what should we do next", metric updates)
          --playbook path  use your own playbook file instead of the built-in one
          --help           show this help
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Func<ChatRequest, TextWriter, IHost> build)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(build);

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

        try
        {
            PlaybookLoader.Load(playbookPath);
        }
        catch (PlaybookException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        var request = new ChatRequest(new ChatSettings(scope, Environment.UserName, TimeZone: null), playbookPath is null ? null : Path.GetFullPath(playbookPath));
        using var host = build(request, output);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<ChatSession>().RunAsync(input, CancellationToken.None);
        }
        finally
        {
            await host.StopAsync();
        }

        return 0;
    }
}
