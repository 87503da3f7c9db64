namespace FlywheelBot.Flywheel.Cli;

/// <summary>The playbook of a command-line run: loaded from its path (null = the built-in one), or its problem printed.</summary>
internal static class CliPlaybook
{
    /// <summary>The loaded playbook, or null after writing the loader's message to <paramref name="error"/> (exit code 1).</summary>
    public static Playbook? Load(string? path, TextWriter error)
    {
        try
        {
            return PlaybookLoader.Load(path);
        }
        catch (PlaybookException ex)
        {
            error.WriteLine(ex.Message);
            return null;
        }
    }
}
