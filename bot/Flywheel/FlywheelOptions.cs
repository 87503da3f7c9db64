namespace FlywheelBot.Flywheel;

/// <summary>Settings under <c>Flywheel</c>.</summary>
public sealed class FlywheelOptions
{
    public const string Section = "Flywheel";

    /// <summary>
    /// Path to the team's own playbook JSON file (<c>Flywheel:PlaybookPath</c>); relative paths are resolved against the
    /// content root. Empty means the built-in playbook.
    /// </summary>
    public string? PlaybookPath { get; set; }
}
