using System.Net;
using System.Text;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// Issue 14, item 4, black-box: the SQLite file of a running bot process is deleted (with its WAL and SHM) or replaced.
/// Within seconds readiness fails, turns answer 503, no new empty database appears, and the log says what happened.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class SqliteFileIdentityTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-identity-").FullName;
    private FakeConnector _connector = null!;
    private BotProcess _bot = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotProcess.StartAsync(_directory, $"--Storage:ConnectionString=Data Source={DatabasePath}");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("replaced")]
    public async Task A_database_file_deleted_or_replaced_under_the_bot_fails_readiness_and_turns_answer_503(string what)
    {
        using var client = new HttpClient { BaseAddress = _bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using (var before = await PostAsync(client, "before"))
        {
            // 202 when the reply takes longer than the acknowledgement budget (a busy machine): processed all the same.
            Assert.True(before.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{before.StatusCode}");
        }

        using (var ready = await Reached(client.GetAsync("/healthz/ready")))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        if (what == "deleted")
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
        else
        {
            var other = Path.Combine(_directory, "other.db");
            await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE something_else (x INTEGER);";
                await command.ExecuteNonQueryAsync();
            }

            File.Move(other, DatabasePath, overwrite: true);
        }

        var line = $"bot.db was {what} while the bot was running";
        for (var waited = 0; waited < 100 && !_bot.Output.Contains(line, StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100);
        }

        using var readiness = await Reached(client.GetAsync("/healthz/ready"));
        var status = readiness.StatusCode;
        using var after = await PostAsync(client, "after");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal(what == "replaced", File.Exists(DatabasePath));
        Assert.Contains($"bot.db was {what} while the bot was running", _bot.Output, StringComparison.Ordinal);
        Assert.False(_bot.HasExited);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string conversation)
    {
        var activity = BotFrameworkHost.Message(conversation + "-" + Guid.NewGuid().ToString("N"), "hi", _connector.ServiceUrl);
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await Reached(client.PostAsync("/api/messages", content));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A request that could not reach the bot fails with what the bot process said and whether it is still running.</summary>
    private async Task<HttpResponseMessage> Reached(Task<HttpResponseMessage> request)
    {
        try
        {
            return await request;
        }
        catch (HttpRequestException exception)
        {
            throw new Xunit.Sdk.XunitException(
                $"the bot could not be reached ({exception.Message}); it has {(_bot.HasExited ? $"exited with {_bot.ExitCode}" : "not exited")}; its output:{Environment.NewLine}{_bot.Output}");
        }
    }
}
