using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// A playbook that cannot be used. <see cref="Exception.Message"/> alone names the file, every problem's JSON path and
/// what is wrong, so printing it is enough for a person to fix the file.
/// </summary>
public sealed class PlaybookException : Exception
{
    public PlaybookException()
        : this("(unknown)", [])
    {
    }

    public PlaybookException(string message)
        : base(message)
    {
        File = "(unknown)";
        Problems = [];
    }

    public PlaybookException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Problems = [];
    }

    public PlaybookException(string file, ImmutableArray<PlaybookProblem> problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>The playbook file (or resource name) that failed.</summary>
    public string File { get; }

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<PlaybookProblem> Problems { get; }

    private static string Describe(string file, ImmutableArray<PlaybookProblem> problems)
    {
        var count = problems.IsDefaultOrEmpty ? 0 : problems.Length;
        var header = count == 1
            ? $"Playbook {file} is not valid (1 problem):"
            : $"Playbook {file} is not valid ({count} problems):";
        return count == 0
            ? $"Playbook {file} is not valid."
            : header + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
