using FlywheelBot.Channels.BotFramework.TeamsPackage;
using FlywheelBot.Channels.Console;
using FlywheelBot.Channels.Slack.Manifest;
using FlywheelBot.Flywheel.Cli;
using FlywheelBot.Hosting;

// One executable, six entry points:
//   advise ...         one-shot diagnosis on the command line (no host, no storage)
//   plan ...           a campaign's program flywheel on the command line (no host, no storage)
//   chat               the advisor conversation in the terminal
//   teams-package ...  the Teams app package (zip) for a deployed bot
//   slack-manifest ... the Slack app manifest (--url https://host, or --socket-mode; OAuth parts from the bot's settings)
//   (nothing)          the web host: /api/messages and friends
if (args.Length > 0 && args[0] == "advise")
{
    return AdviseCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "plan")
{
    return PlanCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

if (args.Length > 0 && args[0] == "teams-package")
{
    return TeamsPackageCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "slack-manifest")
{
    return SlackManifestCommand.Run(args[1..], CommandConfiguration.Load(), Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "chat")
{
    return await ChatCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error, (request, output) => ChatHost.Build(request, output, TimeProvider.System)).ConfigureAwait(false);
}

try
{
    var app = BotHost.Build(args);
    var storage = app.Services.GetRequiredService<FlywheelBot.Storage.StorageReadiness>();
    await BotHost.PrepareStorageAsync(app).ConfigureAwait(false);
    await app.RunAsync().ConfigureAwait(false);

    // Storage that stayed unreachable past its retry time stops the host from the background: say why, exit 1.
    if (storage.FatalError is { } fatal)
    {
        await Console.Error.WriteLineAsync($"FlywheelBot cannot start: {fatal}").ConfigureAwait(false);
        return 1;
    }

    return 0;
}
catch (Exception exception) when (StartupErrors.IsOwnProcess && StartupErrors.TryDescribe(exception, out var problem))
{
    await Console.Error.WriteLineAsync($"FlywheelBot cannot start: {problem}").ConfigureAwait(false);
    return 1;
}

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
