namespace FlywheelBot.Flywheel;

/// <summary>
/// Loads the configured playbook once and keeps it. Start-up validation (<see cref="PlaybookOptionsValidator"/>) calls
/// it first, so a broken playbook stops the host before any conversation.
/// </summary>
internal sealed class PlaybookProvider(IHostEnvironment environment)
{
    private readonly Lock gate = new();
    private Playbook? loaded;

    public Playbook Load(FlywheelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (gate)
        {
            return loaded ??= string.IsNullOrWhiteSpace(options.PlaybookPath)
                ? PlaybookLoader.LoadDefault()
                : PlaybookLoader.LoadFile(Path.Combine(environment.ContentRootPath, options.PlaybookPath));
        }
    }
}
