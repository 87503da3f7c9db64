using FlywheelBot.Channels.Console;
using FlywheelBot.Flywheel.Cli;
using FlywheelBot.Hosting;

// One executable, four entry points:
//   advise ...  one-shot diagnosis on the command line (no host, no storage)
//   plan ...    a campaign's program flywheel on the command line (no host, no storage)
//   chat        the advisor conversation in the terminal
//   (nothing)   the web host: /api/messages and friends
if (args.Length > 0 && args[0] == "advise")
{
    return AdviseCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "plan")
{
    return PlanCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

if (args.Length > 0 && args[0] == "chat")
{
    return await ChatCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error).ConfigureAwait(false);
}

try
{
    var app = BotHost.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception exception) when (StartupErrors.IsOwnProcess && StartupErrors.TryDescribe(exception, out var problem))
{
    await Console.Error.WriteLineAsync($"FlywheelBot cannot start: {problem}").ConfigureAwait(false);
    return 1;
}

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
