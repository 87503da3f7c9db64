namespace FlywheelBot.Flywheel;

/// <summary>One thing wrong in a playbook file: where (a JSON path such as <c>$.activities[3].stage</c>) and what.</summary>
public sealed record PlaybookProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
