using System.Net;
using System.Text;
using FlywheelBot.Channels.Slack.Installations;
using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// "Add to Slack" end to end: the real bot process (SQLite in a temp file) and the fake Slack Web API on loopback.
/// Browsers open the install page, "approve" at Slack (the fake issues the code Slack would), come back to the
/// redirect; bad links get a 400 page and store nothing; the database file holds no token in clear.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class SlackInstallProcessTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flywheel-slack-install-" + Guid.NewGuid().ToString("N"));
    private const string KeyRingKey = "e2e-key-ring-key-0123456789abcdef";
    private static int _ts;
    private FakeSlackOAuthApi _slack = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlackOAuthApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    [Fact]
    public async Task Workspaces_install_through_OAuth_bad_links_are_refused_and_no_token_is_stored_in_clear()
    {
        var bot = await BotProcess.StartAsync(
            _directory,
            "--Logging:LogLevel:Default=Information",
            $"--Storage:ConnectionString=Data Source={DatabasePath}",
            "--Slack:SigningSecret=e2e-signing-secret",
            $"--Slack:ClientId={FakeSlackOAuthApi.ClientId}",
            $"--Slack:ClientSecret={FakeSlackOAuthApi.ClientSecret}",
            $"--Slack:ApiBaseUrl={_slack.ApiBase}");
        try
        {
            var redirect = new Uri(bot.BaseAddress, "api/slack/oauth_redirect");

            // Team 1 installs, with token rotation on.
            using var first = new InstallBrowser();
            var authorize = await first.StartInstallAsync(bot.BaseAddress);
            Assert.Equal("https://slack.com/oauth/v2/authorize", authorize.GetLeftPart(UriPartial.Path));
            var query = QueryHelpers.ParseQuery(authorize.Query);
            Assert.Equal(FakeSlackOAuthApi.ClientId, query["client_id"]);
            Assert.Equal("app_mentions:read,chat:write,commands,im:history,im:read,im:write,users:read", query["scope"]);
            Assert.Equal(redirect.AbsoluteUri, query["redirect_uri"]);
            var cookie = Assert.Single(first.LastSetCookies);
            Assert.StartsWith("slack-app-oauth-state=", cookie, StringComparison.Ordinal);
            Assert.Contains("max-age=600", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
            var state = query["state"].ToString();

            var back = Back(redirect, _slack.Approve("T1", redirect.AbsoluteUri, rotation: true), state);
            var (status, page) = await first.GetAsync(back);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("FlywheelBot is now installed in Team T1", page, StringComparison.Ordinal);
            Assert.Contains("href=\"slack://app?team=T1&id=A0FLYWHEEL\"", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            Assert.Contains("href=\"https://app.slack.com/client/T1\"", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            Assert.Null(first.Cookie(OAuthStateCodec.CookieName));

            // The same link again (a replay, with the cookie put back): refused, nothing more stored.
            using var replayer = new Replayer(cookie);
            var replay = await replayer.GetAsync(Back(redirect, _slack.Approve("T1", redirect.AbsoluteUri), state));
            Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
            Assert.Contains("already used", replay.Html, StringComparison.Ordinal);

            // Team 2, another browser, no rotation.
            using var second = new InstallBrowser();
            var state2 = QueryHelpers.ParseQuery((await second.StartInstallAsync(bot.BaseAddress)).Query)["state"].ToString();
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Back(redirect, _slack.Approve("T2", redirect.AbsoluteUri), state2))).Status);

            // A state from the install page but brought by a browser without its cookie (login CSRF).
            using var victim = new InstallBrowser();
            using var attacker = new InstallBrowser();
            var stolen = QueryHelpers.ParseQuery((await attacker.StartInstallAsync(bot.BaseAddress)).Query)["state"].ToString();
            await AssertRefusedAsync(victim, Back(redirect, _slack.Approve("T6", redirect.AbsoluteUri), stolen), "not started in this browser");

            // Forged, expired (genuinely signed with the bot's key ring, 11 minutes old), denied, missing, and a code Slack refuses.
            using var other = new InstallBrowser();
            await other.StartInstallAsync(bot.BaseAddress);
            await AssertRefusedAsync(other, Back(redirect, _slack.Approve("T3", redirect.AbsoluteUri), "CfDJ8forged" + new string('x', 80)), "not issued by FlywheelBot");
            var old = OldState(TimeSpan.FromMinutes(11));
            using var late = new Replayer($"{OAuthStateCodec.CookieName}={old.CookieValue}");
            var expired = await late.GetAsync(Back(redirect, _slack.Approve("T4", redirect.AbsoluteUri), old.State));
            Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
            Assert.Contains("more than 10 minutes old", expired.Html, StringComparison.Ordinal);
            await other.StartInstallAsync(bot.BaseAddress);
            await AssertRefusedAsync(other, new Uri(redirect, "?error=access_denied&state=whatever"), "cancelled in Slack");
            var fresh = QueryHelpers.ParseQuery((await other.StartInstallAsync(bot.BaseAddress)).Query)["state"].ToString();
            await AssertRefusedAsync(other, new Uri(redirect, "?code=only-a-code"), "carries no state");
            fresh = QueryHelpers.ParseQuery((await other.StartInstallAsync(bot.BaseAddress)).Query)["state"].ToString();
            await AssertRefusedAsync(other, Back(redirect, "code-nobody-issued", fresh), "Slack refused the installation");

            // What is stored: exactly the two installations, with the tokens Slack issued, readable with the bot's key ring.
            await bot.KillAsync();
            var stored = await ReadInstallationsAsync();
            Assert.Equal(["team:T1", "team:T2"], stored.Select(s => s.Key).Order().ToArray());
            var t1 = stored.Single(s => s.Key == "team:T1").Installation;
            Assert.True(t1.Rotates);
            Assert.Equal(["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "users:read"], t1.BotScopes);
            Assert.Equal(("UBOTT1", "BT1", "U0INSTALLER", "A0FLYWHEEL"), (t1.BotUserId, t1.BotId, t1.InstallerUserId, t1.AppId));
            var protector = KeyRingOfTheBot().CreateProtector(SlackTokenProtector.Purpose);
            Assert.True(_slack.IsLive(protector.Unprotect(t1.ProtectedBotToken)));
            Assert.Equal("T1", _slack.TeamOf(protector.Unprotect(t1.ProtectedBotToken)));
            Assert.Equal("T2", _slack.TeamOf(protector.Unprotect(stored.Single(s => s.Key == "team:T2").Installation.ProtectedBotToken)));

            // No token in clear anywhere in the database files.
            var bytes = DatabaseBytes();
            Assert.True(bytes.Length > 0);
            foreach (var needle in new[] { "xoxb-", "xoxe-", "xoxe.xoxb" }.Concat(_slack.Issued))
            {
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(needle)), $"the database files contain '{needle[..5]}…' in clear");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}Bot output:{Environment.NewLine}{bot.Output}", ex);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_team_is_answered_with_its_own_token_and_an_uninstalled_team_gets_nothing()
    {
        var bot = await BotProcess.StartAsync(
            _directory,
            "--Logging:LogLevel:Default=Information",
            $"--Storage:ConnectionString=Data Source={DatabasePath}",
            $"--Slack:SigningSecret={SlackRequests.SigningSecret}",
            $"--Slack:ClientId={FakeSlackOAuthApi.ClientId}",
            $"--Slack:ClientSecret={FakeSlackOAuthApi.ClientSecret}",
            $"--Slack:ApiBaseUrl={_slack.ApiBase}",
            $"--DataProtection:KeyRingKey={KeyRingKey}");
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await InstallAsync(bot, "T1", rotation: true);
            await InstallAsync(bot, "T2", rotation: false);

            // A DM in each workspace: each answer goes out with the token Slack issued to that workspace, to its channel.
            await AcknowledgedAsync(http, Dm("T1", "D0ONE", "help"));
            await AcknowledgedAsync(http, Dm("T2", "D0TWO", "help"));
            var one = await PostedAsync(p => p.Channel == "D0ONE");
            var two = await PostedAsync(p => p.Channel == "D0TWO");
            Assert.Equal("T1", one.TeamId);
            Assert.Equal("T2", two.TeamId);
            Assert.StartsWith("xoxe.xoxb-1-T1-", one.Token, StringComparison.Ordinal);
            Assert.StartsWith("xoxb-T2-", two.Token, StringComparison.Ordinal);
            Assert.All(_slack.Posted, p => Assert.Equal(p.Channel == "D0ONE" ? "T1" : "T2", p.TeamId));

            // A workspace that never installed the app: acknowledged, ignored with one log line, nothing sent.
            await AcknowledgedAsync(http, Dm("T9", "D0NINE", "help"));
            await LoggedAsync(bot, "Slack request for team T9");

            // T1 uninstalls: its installation goes; a later DM from T1 is ignored, while T2 is still answered.
            await AcknowledgedAsync(http, SlackRequests.Event(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" }, teamId: "T1"));
            await LoggedAsync(bot, "Slack installation of team T1 ");
            var before = _slack.Posted.Count;
            await AcknowledgedAsync(http, Dm("T1", "D0ONE", "what should we do next"));
            await LoggedAsync(bot, "Slack request for team T1");
            await AcknowledgedAsync(http, Dm("T2", "D0TWO", "what should we do next"));
            await PostedAsync(p => p.Channel == "D0TWO", skip: before);
            Assert.DoesNotContain(_slack.Posted.Skip(before), p => p.TeamId == "T1" || p.Channel == "D0ONE");
            Assert.DoesNotContain("T9", _slack.Posted.Select(p => p.TeamId));

            await bot.KillAsync();
            var left = Assert.Single(await ReadInstallationsAsync());
            Assert.Equal("team:T2", left.Key);

            // With DataProtection:KeyRingKey the key ring itself is sealed: the database alone opens no token.
            Assert.False(Contains(DatabaseBytes(), Encoding.UTF8.GetBytes("masterKey")), "a Data Protection key is stored in clear");
            var token = left.Installation.ProtectedBotToken;
            Assert.Equal("T2", _slack.TeamOf(KeyRingOfTheBot(KeyRingKey).CreateProtector(SlackTokenProtector.Purpose).Unprotect(token)));
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => KeyRingOfTheBot().CreateProtector(SlackTokenProtector.Purpose).Unprotect(token));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}Bot output:{Environment.NewLine}{bot.Output}", ex);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private async Task InstallAsync(BotProcess bot, string teamId, bool rotation)
    {
        var redirect = new Uri(bot.BaseAddress, "api/slack/oauth_redirect");
        using var browser = new InstallBrowser();
        var state = QueryHelpers.ParseQuery((await browser.StartInstallAsync(bot.BaseAddress)).Query)["state"].ToString();
        var (status, page) = await browser.GetAsync(Back(redirect, _slack.Approve(teamId, redirect.AbsoluteUri, rotation), state));
        Assert.True(status == HttpStatusCode.OK, page);
    }

    private static System.Text.Json.Nodes.JsonObject Dm(string teamId, string channel, string text) =>
        SlackRequests.Event(SlackRequests.DirectMessage(text, $"1764579600.{Interlocked.Increment(ref _ts):D6}", channel: channel), teamId: teamId);

    private static async Task AcknowledgedAsync(HttpClient http, System.Text.Json.Nodes.JsonObject body)
    {
        using var request = SlackRequests.SignedJson(body, DateTimeOffset.UtcNow);
        request.RequestUri = new Uri("api/slack/events", UriKind.Relative);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<PostedMessage> PostedAsync(Func<PostedMessage, bool> match, int skip = 0)
    {
        for (var i = 0; i < 1500; i++)
        {
            if (_slack.Posted.Skip(skip).FirstOrDefault(match) is { } posted)
            {
                return posted;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No matching chat.postMessage; posted: " + string.Join(", ", _slack.Posted.Select(p => $"{p.TeamId}/{p.Channel}")));
    }

    private static async Task LoggedAsync(BotProcess bot, string line)
    {
        for (var i = 0; i < 1500 && !bot.Output.Contains(line, StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }

        Assert.Contains(line, bot.Output, StringComparison.Ordinal);
    }

    private static Uri Back(Uri redirect, string code, string state) =>
        new(QueryHelpers.AddQueryString(redirect.AbsoluteUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));

    private static async Task AssertRefusedAsync(InstallBrowser browser, Uri url, string says)
    {
        var (status, html) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, html, StringComparison.Ordinal);
        Assert.Contains("Nothing was installed", html, StringComparison.Ordinal);
    }

    /// <summary>The bot's Data Protection key ring, read from its database as another instance would (the bot's own registration).</summary>
    private IDataProtectionProvider KeyRingOfTheBot(string? keyRingKey = null)
    {
        var store = new SqliteDocumentStore($"Data Source={DatabasePath}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:KeyRingKey"] = keyRingKey })
            .Build());
        services.AddSingleton<IDocumentStore>(store);
        services.AddStoreKeyRing();
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private IssuedOAuthState OldState(TimeSpan age) =>
        new OAuthStateCodec(KeyRingOfTheBot(), new FakeTimeProvider(DateTimeOffset.UtcNow - age)).Issue();

    private async Task<List<(string Key, StoredSlackInstallation Installation)>> ReadInstallationsAsync()
    {
        using var store = new SqliteDocumentStore($"Data Source={DatabasePath}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
        var documents = await store.ListAsync(SlackInstallationKeys.Collection, string.Empty, 100, CancellationToken.None);
        return [.. documents.Select(d => (d.Key, System.Text.Json.JsonSerializer.Deserialize(d.Json, SlackInstallationsJsonContext.Default.StoredSlackInstallation)!))];
    }

    private byte[] DatabaseBytes()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return [.. Directory.GetFiles(_directory, "bot.db*").SelectMany(File.ReadAllBytes)];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A browser that sends a fixed cookie header (an attacker replaying a link, or a browser with an old cookie).</summary>
    private sealed class Replayer(string cookie) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        public async Task<(HttpStatusCode Status, string Html)> GetAsync(Uri url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => _http.Dispose();
    }
}
