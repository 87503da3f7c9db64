using FlywheelBot.Flywheel;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

/// <summary>Recognises the start-up failures that are configuration problems, so they print as one clear message.</summary>
internal static class StartupErrors
{
    /// <summary>
    /// True when FlywheelBot is the process (not hosted inside a test runner by WebApplicationFactory, which needs the
    /// exception itself): only then may a start-up failure be turned into a message and an exit code.
    /// </summary>
    public static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupErrors).Assembly;

    public static bool TryDescribe(Exception exception, out string message)
    {
        message = Unwrap(exception) switch
        {
            OptionsValidationException options => string.Join(Environment.NewLine, options.Failures),
            PlaybookException playbook => playbook.Message,
            StartupException startup => startup.Message,
            StorageUnavailableException storage => storage.Message,

            // The configuration binder's own failure ("Failed to convert configuration value 'x' at 'Section:Key'..."): the
            // generated binder's parse of an enum fails with an ArgumentException, a number or time with a FormatException.
            InvalidOperationException { InnerException: (FormatException or ArgumentException) and var cause } binding => $"{binding.Message} {cause.Message}",
            _ => string.Empty,
        };
        return message.Length > 0;
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}
