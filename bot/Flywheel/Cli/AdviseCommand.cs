namespace FlywheelBot.Flywheel.Cli;

/// <summary>The <c>advise</c> command. Placeholder until the foundation issue lands.</summary>
internal static class AdviseCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error.WriteLine("advise: not built yet");
        return 2;
    }
}
