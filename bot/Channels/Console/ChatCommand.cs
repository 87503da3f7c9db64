namespace FlywheelBot.Channels.Console;

/// <summary>The <c>chat</c> command: the advisor conversation in a terminal. Placeholder until the conversation issue lands.</summary>
internal static class ChatCommand
{
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        error.WriteLine("chat: not built yet");
        return Task.FromResult(2);
    }
}
