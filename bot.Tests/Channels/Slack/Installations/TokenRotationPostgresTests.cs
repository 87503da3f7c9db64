using FlywheelBot.Storage;
using FlywheelBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// Two bot instances (two stores = two connection pools) on the real PostgreSQL, refreshing one rotated token at the
/// same moment, against a fake Slack that accepts a refresh token once and retires a bot token as soon as its pair
/// is rotated: every caller must end up with the one new, live token, and the stored pair must be that one.
/// </summary>
public sealed class TokenRotationPostgresTests : IAsyncLifetime
{
    private const int CallersPerInstance = 8;

    private PostgresTestSchema? _schema;
    private FakeSlackOAuthApi _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackOAuthApi.StartAsync();
        if (PostgresPeer.SkipReason is not null)
        {
            return;
        }

        _schema = await PostgresTestSchema.CreateAsync("fw_rotation");
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [PostgresFact]
    public Task Two_instances_refreshing_a_token_close_to_expiry_end_with_one_valid_pair() => RaceAsync(TimeSpan.FromMinutes(30));

    [PostgresFact]
    public Task Two_instances_refreshing_an_expired_token_end_with_one_valid_pair() => RaceAsync(TimeSpan.FromMinutes(-5));

    private async Task RaceAsync(TimeSpan expiresIn)
    {
        _slack.RefreshDelay = TimeSpan.FromMilliseconds(300);
        using var storeA = new PostgresDocumentStore(_schema!.ConnectionString, TimeProvider.System, NullLogger<PostgresDocumentStore>.Instance);
        using var storeB = new PostgresDocumentStore(_schema!.ConnectionString, TimeProvider.System, NullLogger<PostgresDocumentStore>.Instance);
        await using var a = OAuthInstance.Create(storeA, _slack.ApiBase);
        await using var b = OAuthInstance.Create(storeB, _slack.ApiBase);
        var (access, refresh) = _slack.IssueRotatingPair("T1");
        await a.SaveAsync("T1", access, refresh, DateTimeOffset.UtcNow + expiresIn);
        var other = _slack.IssueToken("T2");
        await b.SaveAsync("T2", other);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, CallersPerInstance * 2)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                var instance = i % 2 == 0 ? a : b;
                return await instance.Installations.FindAsync(null, "T1", CancellationToken.None);
            }))
            .ToList();
        start.SetResult();
        var found = await Task.WhenAll(callers);

        Assert.All(found, f => Assert.NotNull(f));
        var token = Assert.Single(found.Select(f => f!.BotToken).Distinct());
        Assert.NotEqual(access, token);
        Assert.True(_slack.IsLive(token), "every caller got the new, live token");
        Assert.False(_slack.IsLive(access));
        Assert.Equal(1, _slack.SuccessfulRefreshes);
        Assert.Empty(_slack.RefusedRefreshes);

        foreach (var instance in new[] { a, b })
        {
            var (stored, _) = await instance.Store.ReadAsync("team:T1", CancellationToken.None);
            Assert.Null(stored!.Refresh);
            Assert.Equal(token, instance.Tokens.TryUnprotect(stored.ProtectedBotToken));
            Assert.True(_slack.IsLiveRefresh(instance.Tokens.TryUnprotect(stored.ProtectedRefreshToken!)!), "the stored refresh token is the one Slack will accept next");
        }

        Assert.Equal(other, (await a.Installations.FindAsync(null, "T2", CancellationToken.None))!.BotToken);
    }
}
