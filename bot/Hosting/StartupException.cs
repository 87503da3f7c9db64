namespace FlywheelBot.Hosting;

/// <summary>
/// A start-up failure whose message alone tells the operator what to fix (a setting, a file). Program prints the
/// message, without a stack trace, and exits 1.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }
}
