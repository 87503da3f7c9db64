namespace FlywheelBot.Flywheel;

/// <summary>
/// Loads the configured playbook once and keeps it. Start-up validation (<see cref="PlaybookOptionsValidator"/>) calls
/// it first, so a broken playbook stops the host before any conversation.
/// </summary>
internal sealed partial class PlaybookProvider(IHostEnvironment environment, ILogger<PlaybookProvider> logger)
{
    private readonly Lock gate = new();
    private Playbook? loaded;

    public Playbook Load(FlywheelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (gate)
        {
            if (loaded is null)
            {
                loaded = string.IsNullOrWhiteSpace(options.PlaybookPath)
                    ? PlaybookLoader.LoadDefault()
                    : PlaybookLoader.LoadFile(Path.Combine(environment.ContentRootPath, options.PlaybookPath));
                Loaded(logger, loaded.Source, loaded.Metrics.Length, loaded.Activities.Length);
            }

            return loaded;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flywheel playbook loaded from {Source}: {Metrics} metrics, {Activities} activities")]
    private static partial void Loaded(ILogger logger, string source, int metrics, int activities);
}
