using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// A fake of Slack's Web API for the OAuth side, on loopback: <c>oauth.v2.access</c> (code exchange and refresh),
/// <c>auth.test</c> and <c>chat.postMessage</c> (recording which token posted). As Slack does, it accepts a code once
/// and only with the redirect URI the code was approved for, and a refresh token once; stricter than Slack, a bot
/// token dies the moment its pair is rotated, so a test catches any use of a superseded token.
/// </summary>
internal sealed class FakeSlackOAuthApi : IAsyncDisposable
{
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "fake-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, Grant> _liveTokens = new();
    private readonly ConcurrentQueue<string> _refusedRefreshes = new();
    private readonly Lock _gate = new();
    private int _serial;
    private int _refreshes;

    private FakeSlackOAuthApi(WebApplication app) => _app = app;

    public Uri ApiBase { get; private set; } = null!;

    /// <summary>Access token lifetime given with rotation on.</summary>
    public long ExpiresIn { get; set; } = 43_200;

    /// <summary>How long a refresh takes to answer (to make two refreshers overlap).</summary>
    public TimeSpan RefreshDelay { get; set; }

    public int SuccessfulRefreshes => Volatile.Read(ref _refreshes);

    public IReadOnlyCollection<string> RefusedRefreshes => _refusedRefreshes;

    public ConcurrentQueue<PostedMessage> Posted { get; } = new();

    public static async Task<FakeSlackOAuthApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackOAuthApi(app);
        app.MapPost("/api/oauth.v2.access", fake.AccessAsync);
        app.MapPost("/api/auth.test", fake.AuthTest);
        app.MapPost("/api/chat.postMessage", fake.PostMessageAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiBase = new Uri(address.TrimEnd('/') + "/api/");
        return fake;
    }

    /// <summary>What Slack does when a user approves the install: a single-use code for this redirect URI.</summary>
    public string Approve(string teamId, string redirectUri, bool rotation = false, string? enterpriseId = null, bool orgWide = false, string installer = "U0INSTALLER")
    {
        var code = $"code-{teamId}-{Interlocked.Increment(ref _serial)}";
        _codes[code] = new Grant(teamId, enterpriseId, orgWide, rotation, installer, redirectUri);
        return code;
    }

    public bool IsLive(string token) => _liveTokens.ContainsKey(token);

    /// <summary>Whether Slack would still accept this refresh token.</summary>
    public bool IsLiveRefresh(string refreshToken) => _refreshTokens.ContainsKey(refreshToken);

    /// <summary>A pair as a finished install with rotation would have it, without the browser part.</summary>
    public (string Access, string Refresh) IssueRotatingPair(string teamId)
    {
        var (access, refresh) = Mint(new Grant(teamId, null, false, true, "U0INSTALLER", "unused"));
        return (access, refresh!);
    }

    /// <summary>A plain bot token (no rotation).</summary>
    public string IssueToken(string teamId, string? enterpriseId = null, bool orgWide = false) =>
        Mint(new Grant(teamId, enterpriseId, orgWide, false, "U0INSTALLER", "unused")).Access;

    public string TeamOf(string token) => _liveTokens[token].TeamId;

    /// <summary>Every token this fake ever issued (live or not), to look for in stored bytes.</summary>
    public ConcurrentBag<string> Issued { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AccessAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Error("invalid_client_id");
        }

        if (form["grant_type"] == "refresh_token")
        {
            return await RefreshAsync(form["refresh_token"].ToString());
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Error("invalid_code");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Error("bad_redirect_uri");
        }

        var (access, refresh) = Mint(grant);
        var answer = new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = access,
            ["token_type"] = "bot",
            ["scope"] = "app_mentions:read,chat:write,commands,im:history,im:read,im:write,users:read",
            ["bot_user_id"] = $"UBOT{grant.TeamId}",
            ["app_id"] = "A0FLYWHEEL",
            ["team"] = grant.OrgWide ? null : new JsonObject { ["id"] = grant.TeamId, ["name"] = $"Team {grant.TeamId}" },
            ["enterprise"] = grant.EnterpriseId is null ? null : new JsonObject { ["id"] = grant.EnterpriseId, ["name"] = "Grid" },
            ["is_enterprise_install"] = grant.OrgWide,
            ["authed_user"] = new JsonObject { ["id"] = grant.Installer },
            ["unknown_future_field"] = new JsonObject { ["x"] = 1 },
        };
        if (refresh is not null)
        {
            answer["refresh_token"] = refresh;
            answer["expires_in"] = ExpiresIn;
        }

        return Results.Json(answer);
    }

    private async Task<IResult> RefreshAsync(string refreshToken)
    {
        if (RefreshDelay > TimeSpan.Zero)
        {
            await Task.Delay(RefreshDelay);
        }

        Grant? grant;
        lock (_gate)
        {
            if (!_refreshTokens.TryRemove(refreshToken, out grant))
            {
                _refusedRefreshes.Enqueue(refreshToken);
                return Error("invalid_refresh_token");
            }

            // The pair is superseded: its bot token dies now (Slack lets it run out; this fake is stricter).
            foreach (var old in _liveTokens.Where(t => ReferenceEquals(t.Value, grant)).Select(t => t.Key).ToList())
            {
                _liveTokens.TryRemove(old, out _);
            }
        }

        var (access, refresh) = Mint(grant with { });
        Interlocked.Increment(ref _refreshes);
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = access,
            ["token_type"] = "bot",
            ["refresh_token"] = refresh,
            ["expires_in"] = ExpiresIn,
        });
    }

    private (string Access, string? Refresh) Mint(Grant grant)
    {
        var n = Interlocked.Increment(ref _serial);
        var access = grant.Rotation ? $"xoxe.xoxb-1-{grant.TeamId}-{n}" : $"xoxb-{grant.TeamId}-{n}";
        _liveTokens[access] = grant;
        Issued.Add(access);
        if (!grant.Rotation)
        {
            return (access, null);
        }

        var refresh = $"xoxe-1-{grant.TeamId}-{n}";
        _refreshTokens[refresh] = grant;
        Issued.Add(refresh);
        return (access, refresh);
    }

    private IResult AuthTest(HttpRequest request)
    {
        if (Bearer(request) is not { } token || !_liveTokens.TryGetValue(token, out var grant))
        {
            return Error("invalid_auth");
        }

        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["url"] = grant.OrgWide ? "https://grid.enterprise.slack.com/" : $"https://team-{grant.TeamId.ToLowerInvariant()}.slack.com/",
            ["team_id"] = grant.TeamId,
            ["user_id"] = $"UBOT{grant.TeamId}",
            ["bot_id"] = $"B{grant.TeamId}",
            ["enterprise_id"] = grant.EnterpriseId,
        });
    }

    private async Task<IResult> PostMessageAsync(HttpRequest request)
    {
        var token = Bearer(request);
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        if (token is null || !_liveTokens.TryGetValue(token, out var grant))
        {
            return Error("invalid_auth");
        }

        Posted.Enqueue(new PostedMessage(token, grant.TeamId, form?["channel"].ToString(), form?["text"].ToString()));
        return Results.Json(new JsonObject { ["ok"] = true, ["ts"] = "1700000000.000100" });
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;

    private static IResult Error(string error) => Results.Json(new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>One approved installation; records are compared by reference (one per approval).</summary>
    private sealed record Grant(string TeamId, string? EnterpriseId, bool OrgWide, bool Rotation, string Installer, string RedirectUri)
    {
        public bool Equals(Grant? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }
}
