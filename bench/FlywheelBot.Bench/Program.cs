namespace FlywheelBot.Bench;

/// <summary>
/// Three modes:
///   (default)  the load run: the botbuilder reference bot and the bot on each storage provider, each a server process
///              of its own, then the cold start of the published app
///   serve      the server process itself (bot + a bare endpoint), started by the load run
///   profile    in-process timings of the pieces of a turn (handler, advisor, rendering, storage).
/// (Not top-level statements: the tests reference this project, and the bot's <c>Program</c> must stay the only one.)
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == "serve"
            ? await BenchServer.RunAsync(args[1..])
            : args.Length > 0 && args[0] == "profile"
                ? await HotPathProfile.RunAsync(args[1..])
                : await LoadRun.RunAsync(args);
}
