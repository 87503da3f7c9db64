namespace FlywheelBot.Bench;

/// <summary>
/// Finds the botbuilder reference bot: <c>peers/botbuilder-reference-bot.mjs</c> beside an installed
/// <c>peers/node_modules/botbuilder</c>, in <c>FLYWHEEL_PEERS_DIR</c> or the nearest <c>peers</c> folder above the working
/// directory or this assembly.
/// </summary>
internal static class ReferenceBot
{
    public const string Script = "botbuilder-reference-bot.mjs";

    public static string? FindPeers()
    {
        if (Environment.GetEnvironmentVariable("FLYWHEEL_PEERS_DIR") is { Length: > 0 } configured)
        {
            return IsInstalled(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var peers = Path.Combine(dir.FullName, "peers");
                if (IsInstalled(peers))
                {
                    return peers;
                }
            }
        }

        return null;
    }

    private static bool IsInstalled(string peers) =>
        File.Exists(Path.Combine(peers, Script)) && Directory.Exists(Path.Combine(peers, "node_modules", "botbuilder-dialogs"));
}
