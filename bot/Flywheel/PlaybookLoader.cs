namespace FlywheelBot.Flywheel;

/// <summary>
/// Loads a playbook: the default one shipped with the bot (embedded in the assembly, so any working directory works)
/// or a team's own file. Every failure is a <see cref="PlaybookException"/> whose message names the file, the JSON path
/// and the problem.
/// </summary>
public static class PlaybookLoader
{
    /// <summary>How the default playbook is named in messages.</summary>
    public const string DefaultSource = "playbook.json (built-in default)";

    private const string ResourceName = "FlywheelBot.Flywheel.playbook.json";

    /// <summary>The playbook shipped with the bot.</summary>
    public static Playbook LoadDefault()
    {
        using var stream = typeof(PlaybookLoader).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is not null)
        {
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), DefaultSource);
        }

        var copied = Path.Combine(AppContext.BaseDirectory, "Flywheel", "playbook.json");
        return File.Exists(copied)
            ? LoadFile(copied)
            : throw new PlaybookException(DefaultSource, [new PlaybookProblem("$", $"the built-in playbook is missing from the build (resource {ResourceName}, file {copied})")]);
    }

    /// <summary>The team's playbook at <paramref name="path"/>, or the default when the path is null or blank.</summary>
    public static Playbook Load(string? path) => string.IsNullOrWhiteSpace(path) ? LoadDefault() : LoadFile(path);

    /// <summary>A playbook file; the message of any failure names <paramref name="path"/> as given (made absolute).</summary>
    public static Playbook LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})";
            throw new PlaybookException(fullPath, [new PlaybookProblem("$", what)]);
        }

        return Parse(text, fullPath);
    }

    /// <summary>A playbook from JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static Playbook Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PlaybookReader.Read(json, source);
    }
}
