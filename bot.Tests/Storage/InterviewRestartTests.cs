using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The real bot on a SQLite file is killed (SIGKILL, no shutdown) in the middle of an interview and started again on
/// the same file: the conversation picks up at the question that was pending, and the next answer moves on normally.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class InterviewRestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-restart-{Guid.NewGuid():N}");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task A_killed_bot_resumes_the_interview_at_the_pending_question()
    {
        Directory.CreateDirectory(_directory);
        var channel = new ChannelClient(_http);
        var conversation = $"restart-{Guid.NewGuid():N}";
        string pending;
        await using (var first = await StartAsync())
        {
            await channel.SayAsync(first.BaseAddress, conversation, "start");
            await channel.SayAsync(first.BaseAddress, conversation, "sdm");
            await channel.SayAsync(first.BaseAddress, conversation, "emerging");
            await channel.SayAsync(first.BaseAddress, conversation, "5000");
            var beforeKill = await channel.SayAsync(first.BaseAddress, conversation, "12%");
            pending = Assert.Single(beforeKill).Text;
            Assert.Contains("reach out to talk to you", pending, StringComparison.Ordinal);
            await first.KillAsync();
        }

        await using var second = await StartAsync();
        var resumed = await channel.SayAsync(second.BaseAddress, conversation, "start");
        Assert.Equal(pending, Assert.Single(resumed).Text);

        var next = await channel.SayAsync(second.BaseAddress, conversation, "40");
        Assert.Contains("new leads do you get", Assert.Single(next).Text, StringComparison.Ordinal);

        IReadOnlyList<BotReply> last = [];
        foreach (var answer in new[] { "200", "20%", "40%", "3%", "30", "10", "not sure" })
        {
            last = await channel.SayAsync(second.BaseAddress, conversation, answer);
        }

        Assert.Contains(last, r => r.IsRecommendation);
    }

    private Task<BotProcess> StartAsync() => BotProcess.StartAsync(
        _directory,
        $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
}
