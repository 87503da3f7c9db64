using FlywheelBot.Storage;
using FlywheelBot.Conversations;
using FlywheelBot.Channels.Slack.Installations;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

public sealed class OAuthSlackInstallationsTests : IAsyncLifetime
{
    private readonly InMemoryDocumentStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private FakeSlackOAuthApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackOAuthApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Each_team_gets_its_own_token_and_an_unknown_team_none()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var one = _slack.IssueToken("T1");
        var two = _slack.IssueToken("T2");
        await bot.SaveAsync("T1", one);
        await bot.SaveAsync("T2", two);

        var first = await bot.Installations.FindAsync(null, "T1", CancellationToken.None);
        var second = await bot.Installations.FindAsync(null, "T2", CancellationToken.None);

        Assert.Equal(new("T1", one, "UBOTT1", "BT1"), (first!.TeamId, first.BotToken, first.BotUserId, first.BotId));
        Assert.Equal(new("T2", two, "UBOTT2", "BT2"), (second!.TeamId, second.BotToken, second.BotUserId, second.BotId));
        Assert.Null(await bot.Installations.FindAsync(null, "T3", CancellationToken.None));
        Assert.Null(await bot.Installations.FindAsync("E1", "T3", CancellationToken.None));
    }

    [Fact]
    public async Task An_org_wide_install_serves_every_workspace_of_its_enterprise_and_a_workspace_install_comes_first()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var org = _slack.IssueToken("E1", "E1", orgWide: true);
        var own = _slack.IssueToken("T2", "E1");
        await bot.SaveAsync("E1", org, enterpriseId: "E1", orgWide: true);
        await bot.SaveAsync("T2", own, enterpriseId: "E1");

        var viaOrg = await bot.Installations.FindAsync("E1", "T9", CancellationToken.None);
        Assert.Equal(("E1", "T9", org), (viaOrg!.EnterpriseId, viaOrg.TeamId, viaOrg.BotToken));
        Assert.Equal(own, (await bot.Installations.FindAsync("E1", "T2", CancellationToken.None))!.BotToken);
        Assert.Null(await bot.Installations.FindAsync("E2", "T9", CancellationToken.None));
        Assert.Null(await bot.Installations.FindAsync(null, "T9", CancellationToken.None));
    }

    [Fact]
    public async Task Removing_a_team_forgets_only_it_and_tells_the_listeners()
    {
        var listener = new RecordingRemovalListener();
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock, listener);
        await bot.SaveAsync("T1", _slack.IssueToken("T1"));
        await bot.SaveAsync("T2", _slack.IssueToken("T2"));

        await bot.Installations.RemoveAsync(null, "T1", "the app was uninstalled", CancellationToken.None);

        Assert.Null(await bot.Installations.FindAsync(null, "T1", CancellationToken.None));
        Assert.NotNull(await bot.Installations.FindAsync(null, "T2", CancellationToken.None));
        Assert.Equal(new InstallationRemoved("slack:T1:", "the app was uninstalled"), Assert.Single(listener.Notices));
    }

    [Fact]
    public async Task Removing_a_workspace_of_an_org_wide_install_removes_the_org_install()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        await bot.SaveAsync("E1", _slack.IssueToken("E1", "E1", orgWide: true), enterpriseId: "E1", orgWide: true);

        await bot.Installations.RemoveAsync("E1", "T5", "tokens revoked", CancellationToken.None);

        Assert.Null(await bot.Installations.FindAsync("E1", "T5", CancellationToken.None));
    }

    [Fact]
    public async Task Tokens_are_stored_encrypted()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var (access, refresh) = _slack.IssueRotatingPair("T1");
        await bot.SaveAsync("T1", access, refresh, _clock.GetUtcNow().AddHours(12));

        var stored = await _store.GetAsync(SlackInstallationKeys.Collection, "team:T1", CancellationToken.None);

        Assert.DoesNotContain("xox", stored!.Json, StringComparison.Ordinal);
        Assert.Contains("\"botUserId\":\"UBOTT1\"", stored.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undecryptable_token_means_no_installation()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        await bot.SaveAsync("T1", _slack.IssueToken("T1"));
        await using var strangerKeys = OAuthInstance.Create(new InMemoryDocumentStore(), _slack.ApiBase, _clock);
        var (stored, version) = await bot.Store.ReadAsync("team:T1", CancellationToken.None);
        await bot.Store.TryWriteAsync("team:T1", stored! with { ProtectedBotToken = strangerKeys.Tokens.Protect("xoxb-other") }, version, CancellationToken.None);

        Assert.Null(await bot.Installations.FindAsync(null, "T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_token_far_from_expiry_is_used_as_it_is()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var (access, refresh) = _slack.IssueRotatingPair("T1");
        await bot.SaveAsync("T1", access, refresh, _clock.GetUtcNow().AddHours(2).AddMinutes(1));

        Assert.Equal(access, (await bot.Installations.FindAsync(null, "T1", CancellationToken.None))!.BotToken);
        Assert.Equal(0, _slack.SuccessfulRefreshes);
    }

    [Fact]
    public async Task A_token_due_for_rotation_is_refreshed_once_and_the_new_pair_saved()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var (access, refresh) = _slack.IssueRotatingPair("T1");
        await bot.SaveAsync("T1", access, refresh, _clock.GetUtcNow().AddHours(2));

        var found = await bot.Installations.FindAsync(null, "T1", CancellationToken.None);
        var again = await bot.Installations.FindAsync(null, "T1", CancellationToken.None);

        Assert.NotEqual(access, found!.BotToken);
        Assert.True(_slack.IsLive(found.BotToken));
        Assert.False(_slack.IsLive(access));
        Assert.Equal(found.BotToken, again!.BotToken);
        Assert.Equal(1, _slack.SuccessfulRefreshes);
        var (stored, _) = await bot.Store.ReadAsync("team:T1", CancellationToken.None);
        Assert.Null(stored!.Refresh);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(_slack.ExpiresIn), stored.BotTokenExpiresAt);
        Assert.True(_slack.IsLiveRefresh(bot.Tokens.TryUnprotect(stored.ProtectedRefreshToken!)!));
    }

    [Fact]
    public async Task A_refused_refresh_keeps_the_still_valid_token_and_releases_the_lease()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        var access = _slack.IssueRotatingPair("T1").Access;
        await bot.SaveAsync("T1", access, "xoxe-1-unknown-refresh-token", _clock.GetUtcNow().AddHours(1));

        Assert.Equal(access, (await bot.Installations.FindAsync(null, "T1", CancellationToken.None))!.BotToken);
        var (stored, _) = await bot.Store.ReadAsync("team:T1", CancellationToken.None);
        Assert.Null(stored!.Refresh);
        Assert.Single(_slack.RefusedRefreshes);
    }

    [Fact]
    public async Task An_expired_token_that_cannot_be_refreshed_is_no_installation()
    {
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, _clock);
        await bot.SaveAsync("T1", _slack.IssueRotatingPair("T1").Access, "xoxe-1-unknown-refresh-token", _clock.GetUtcNow().AddMinutes(-1));

        Assert.Null(await bot.Installations.FindAsync(null, "T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_instance_is_taken_over_once_it_ends()
    {
        var clock = new FakeTimeProvider(_clock.GetUtcNow());
        await using var bot = OAuthInstance.Create(_store, _slack.ApiBase, clock);
        var (access, refresh) = _slack.IssueRotatingPair("T1");
        var saved = await bot.SaveAsync("T1", access, refresh, clock.GetUtcNow().AddHours(1));
        var (_, version) = await bot.Store.ReadAsync("team:T1", CancellationToken.None);
        await bot.Store.TryWriteAsync("team:T1", saved with { Refresh = new RefreshLease("dead", clock.GetUtcNow().AddSeconds(30)) }, version, CancellationToken.None);

        var finding = bot.Installations.FindAsync(null, "T1", CancellationToken.None).AsTask();
        for (var i = 0; i < 1000 && !finding.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }

        var found = await finding;
        Assert.True(_slack.IsLive(found!.BotToken));
        Assert.NotEqual(access, found.BotToken);
        Assert.True(clock.GetUtcNow() >= _clock.GetUtcNow().AddSeconds(30));
    }
}
