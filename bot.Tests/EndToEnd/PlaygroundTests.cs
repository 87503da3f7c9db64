using FlywheelBot.Tests.TestSupport;
using FlywheelBot.Tests.Views;
using Xunit.Abstractions;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>
/// The real bot (its own process, Development, SQLite) in the real Microsoft 365 Agents Playground, driven through the
/// Playground's web UI in headless Chromium by <c>peers/playground-e2e.mjs</c>. Screenshots go to
/// <c>artifacts/playground/</c>. Skipped locally when a peer is missing; fails in CI.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class PlaygroundTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("flywheel-playground-").FullName;

    [NodePeersFact(NodePeer.Playground)]
    public async Task A_Teams_user_in_the_Agents_Playground_is_welcomed_interviewed_advised_and_answered_in_a_group_chat()
    {
        Assert.True(NodePeers.PlaygroundMissingReason is null, $"Required peer missing: {NodePeers.PlaygroundMissingReason}");
        var peers = NodePeers.Directory!;
        var artifacts = Path.Combine(Path.GetDirectoryName(peers)!, "artifacts", "playground");
        ClearScreenshots(artifacts);
        var database = Path.Combine(_work, "bot.db");

        await using var bot = await BotProcess.StartAsync(_work, $"--Storage:ConnectionString=Data Source={database}");
        await using var playground = await PlaygroundProcess.StartAsync(peers, new Uri(bot.BaseAddress, "/api/messages"));
        var (exitCode, script) = await NodePeers.RunAsync("playground-e2e.mjs", playground.Url.ToString(), artifacts, NodePeers.ChromiumPath);
        output.WriteLine(script);

        Assert.True(exitCode == 0, $"""
            The Playground run failed (exit {exitCode}):
            {script}
            --- bot output (tail) ---
            {Tail(bot.Output)}
            --- Playground output (tail) ---
            {Tail(playground.Output)}
            """);
        Assert.Contains("PASSED", script, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(artifacts, "personal-chat.png")), "no screenshot of the personal chat");
        Assert.True(File.Exists(Path.Combine(artifacts, "group-chat.png")), "no screenshot of the group chat");

        // What the bot stored says the same: two installs (personal and group), the personal chat's interview answers in
        // its profile and the personal chat in the tour (after the quiz), and the group chat mid-interview.
        var stored = await StoredState.ReadAsync(database);
        Assert.Equal(2, stored.Installs.Length);
        var profile = Assert.Single(stored.Profiles);
        Assert.Equal("Sdm", profile.Audience);
        Assert.Equal("Emerging", profile.Awareness);
        Assert.Equal(2000m, profile.Metrics["monthly_visitors"]);
        Assert.Equal(1m, profile.Metrics["share_of_voice_pct"]);
        var group = Assert.Single(stored.Installs.Where(key => key != profile.ConversationKey));
        Assert.Equal("Interview", stored.DialogModes[group]);
        Assert.Equal("Tour", stored.DialogModes[profile.ConversationKey]);
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
    }

    private static void ClearScreenshots(string artifacts)
    {
        Directory.CreateDirectory(artifacts);
        foreach (var old in Directory.EnumerateFiles(artifacts))
        {
            File.Delete(old);
        }
    }

    private static string Tail(string text, int lines = 60) =>
        string.Join(Environment.NewLine, text.Split(Environment.NewLine).TakeLast(lines));
}
