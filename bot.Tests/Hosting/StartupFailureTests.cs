using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Hosting;

/// <summary>A bad setting stops the real process with one clear message and exit code 1, never a stack trace.</summary>
[Trait("Runs", "BotProcess")]
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-startup-").FullName;

    public static TheoryData<string, string[], string> BadSettings => new()
    {
        { "broken playbook", ["--Flywheel:PlaybookPath=broken.json"], "broken.json" },
        { "postgres without a connection string", ["--Storage:Provider=Postgres"], "Storage:ConnectionString" },
        { "unknown storage provider", ["--Storage:Provider=Oracle"], "Storage:Provider" },
        { "unresolved Key Vault reference", ["--Slack:SigningSecret=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/slack-signing-secret/)"], "Slack:SigningSecret" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_start_up_with_one_message_naming_it(string because, string[] settings, string named)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "broken.json"), "{ \"stages\": [");
        await using var bot = BotProcess.Launch(_directory, [.. settings, $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}"]);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"{because}: exit code {exitCode}{Environment.NewLine}{bot.Output}");
        Assert.Contains("FlywheelBot cannot start:", bot.Output, StringComparison.Ordinal);
        Assert.Contains(named, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_database_file_stops_start_up_with_one_message_and_no_stack_trace()
    {
        var database = Path.Combine(_directory, "corrupt.db");
        await File.WriteAllTextAsync(database, string.Concat(Enumerable.Repeat("this is not a SQLite database. ", 400)));
        await using var bot = BotProcess.Launch(_directory, [$"--Storage:ConnectionString=Data Source={database}"]);

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"exit code {exitCode}{Environment.NewLine}{bot.Output}");
        Assert.Contains("FlywheelBot cannot start:", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
