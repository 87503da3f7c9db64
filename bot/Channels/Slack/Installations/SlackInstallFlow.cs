using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// "Add to Slack": <c>GET /api/slack/install</c> sets a state cookie and offers Slack's authorize link;
/// <c>GET /api/slack/oauth_redirect</c> checks state and cookie, marks the state used, exchanges the code with
/// <c>oauth.v2.access</c>, asks <c>auth.test</c> for the bot id and stores the installation. Anything wrong ends on a
/// page that says what happened (400 for a refused, expired, replayed or forged link; 502 when Slack cannot be
/// reached), and nothing is stored.
/// </summary>
internal sealed partial class SlackInstallFlow(
    OAuthStateCodec states,
    OAuthStateLedger ledger,
    SlackOAuthClient slack,
    OAuthSlackInstallations installations,
    SlackTokenProtector tokens,
    IOptions<SlackOAuthOptions> options,
    TimeProvider clock,
    ILogger<SlackInstallFlow> logger)
{
    public const string InstallPath = "/api/slack/install";
    public const string RedirectPath = "/api/slack/oauth_redirect";

    private readonly SlackOAuthOptions _options = options.Value;

    /// <summary>The redirect URL to register in the app's OAuth settings (and the manifest's <c>oauth_config.redirect_urls</c>).</summary>
    public static Uri RedirectUrl(Uri publicBase) => new(publicBase, RedirectPath.TrimStart('/'));

    public IResult Install(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issued = states.Issue();
        var redirectUri = RedirectUrl(PublicBase(context.Request));
        context.Response.Cookies.Append(OAuthStateCodec.CookieName, issued.CookieValue, new CookieOptions
        {
            HttpOnly = true,
            Secure = redirectUri.Scheme == Uri.UriSchemeHttps,
            SameSite = SameSiteMode.Lax, // sent on Slack's top-level redirect back to us
            Path = "/api/slack",
            MaxAge = OAuthStateCodec.Lifetime,
        });
        NoStore(context);
        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("client_id", _options.ClientId),
            new("scope", string.Join(',', SlackOAuthOptions.BotScopes)),
            new("redirect_uri", redirectUri.AbsoluteUri),
            new("state", issued.State),
        });
        var authorize = new Uri(_options.AuthorizeUrl + query.ToUriComponent(), UriKind.Absolute);
        return Html(StatusCodes.Status200OK, SlackOAuthPages.AddToSlack(authorize));
    }

    public async Task<IResult> RedirectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var startAgain = new Uri(PublicBase(request), InstallPath.TrimStart('/'));
        var cookie = request.Cookies[OAuthStateCodec.CookieName];
        context.Response.Cookies.Delete(OAuthStateCodec.CookieName, new CookieOptions { Path = "/api/slack" });
        NoStore(context);

        if (request.Query["error"].ToString() is { Length: > 0 } error)
        {
            LogRefused("denied", Short(error));
            return error == "access_denied"
                ? Problem(StatusCodes.Status400BadRequest, "Installation cancelled", "The installation was cancelled in Slack, so FlywheelBot was not added.", startAgain)
                : Problem(StatusCodes.Status400BadRequest, "Slack did not approve the installation", $"Slack answered with the error '{Short(error)}'.", startAgain);
        }

        var check = states.Check(request.Query["state"].ToString(), cookie);
        if (check.Verdict == OAuthStateVerdict.Valid
            && !await ledger.TryConsumeAsync(check.Nonce!, check.ExpiresAt!.Value, context.RequestAborted))
        {
            check = check with { Verdict = OAuthStateVerdict.Replayed };
        }

        if (check.Verdict != OAuthStateVerdict.Valid)
        {
            LogRefused("state", check.Verdict.ToString());
            return StateProblem(check.Verdict, startAgain);
        }

        if (request.Query["code"].ToString() is not { Length: > 0 and <= 512 } code)
        {
            LogRefused("code", "missing");
            return Problem(StatusCodes.Status400BadRequest, "Installation link incomplete", "The link back from Slack carries no authorization code.", startAgain);
        }

        return await CompleteAsync(code, RedirectUrl(PublicBase(request)), startAgain, context.RequestAborted);
    }

    private async Task<IResult> CompleteAsync(string code, Uri redirectUri, Uri startAgain, CancellationToken cancellationToken)
    {
        var exchange = await slack.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        if (exchange.Answer is not { } access)
        {
            return Unreachable(startAgain);
        }

        if (!access.Ok)
        {
            LogRefused("oauth.v2.access", access.Error ?? "unknown");
            return Problem(StatusCodes.Status400BadRequest, "Slack refused the installation", $"Slack answered with the error '{Short(access.Error ?? "unknown")}'.", startAgain);
        }

        if (access is not { AccessToken: { Length: > 0 } botToken, BotUserId: { Length: > 0 } botUserId }
            || (access.Team?.Id is not { Length: > 0 } && access.Enterprise?.Id is not { Length: > 0 }))
        {
            LogRefused("oauth.v2.access", "no bot token, bot user or team");
            return Problem(StatusCodes.Status502BadGateway, "Slack's answer was incomplete", "Slack's answer held no bot token for a workspace; check that the app has a bot user and bot scopes.", startAgain);
        }

        var who = await slack.AuthTestAsync(botToken, cancellationToken);
        if (who.Answer is not { Ok: true } identity)
        {
            LogRefused("auth.test", who.Answer?.Error ?? who.Unreachable ?? "unknown");
            return Unreachable(startAgain);
        }

        var now = clock.GetUtcNow();
        var rotates = access.RefreshToken is { Length: > 0 } && access.ExpiresIn is > 0;
        var installation = new StoredSlackInstallation(
            access.Enterprise?.Id,
            access.Enterprise?.Name,
            access.IsEnterpriseInstall ? null : access.Team?.Id,
            access.IsEnterpriseInstall ? null : access.Team?.Name,
            access.IsEnterpriseInstall && access.Enterprise?.Id is { Length: > 0 },
            access.IsEnterpriseInstall ? identity.Url : null,
            access.AppId,
            botUserId,
            identity.BotId,
            (access.Scope ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            access.AuthedUser?.Id,
            now,
            tokens.Protect(botToken),
            rotates ? tokens.Protect(access.RefreshToken!) : null,
            rotates ? now + TimeSpan.FromSeconds(access.ExpiresIn!.Value) : null,
            Refresh: null,
            UpdatedAt: now);
        await installations.SaveAsync(installation, cancellationToken);
        return Html(StatusCodes.Status200OK, SuccessPage(installation));
    }

    private static string SuccessPage(StoredSlackInstallation installation)
    {
        if (installation.IsEnterpriseInstall)
        {
            var manage = installation.EnterpriseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var org) && org.Scheme == Uri.UriSchemeHttps
                ? new Uri(org, $"manage/organization/apps/profile/{Uri.EscapeDataString(installation.AppId ?? string.Empty)}/workspaces/add")
                : new Uri("slack://open");
            return SlackOAuthPages.Installed(installation.EnterpriseName, manage, browserLink: null);
        }

        var team = Uri.EscapeDataString(installation.TeamId!);
        var app = installation.AppId is { Length: > 0 } appId
            ? new Uri($"slack://app?team={team}&id={Uri.EscapeDataString(appId)}")
            : new Uri("slack://open");
        return SlackOAuthPages.Installed(installation.TeamName, app, new Uri($"https://app.slack.com/client/{team}"));
    }

    private IResult StateProblem(OAuthStateVerdict verdict, Uri startAgain) => verdict switch
    {
        OAuthStateVerdict.Expired => Problem(StatusCodes.Status400BadRequest, "Installation link expired", "This installation link is more than 10 minutes old.", startAgain),
        OAuthStateVerdict.Replayed => Problem(StatusCodes.Status400BadRequest, "Installation link already used", "This installation link was already used once; each link works once.", startAgain),
        OAuthStateVerdict.OtherBrowser => Problem(StatusCodes.Status400BadRequest, "Installation started elsewhere", "This installation was not started in this browser (or its cookie was blocked). Start it again here.", startAgain),
        OAuthStateVerdict.Missing => Problem(StatusCodes.Status400BadRequest, "Installation link incomplete", "The link back from Slack carries no state, so it cannot be checked.", startAgain),
        _ => Problem(StatusCodes.Status400BadRequest, "Installation link not valid", "This installation link was not issued by FlywheelBot, or it was altered.", startAgain),
    };

    private IResult Unreachable(Uri startAgain) =>
        Problem(StatusCodes.Status502BadGateway, "Slack could not be reached", "Slack did not answer properly while finishing the installation. Please try again in a minute.", startAgain);

    private static IResult Problem(int status, string title, string explanation, Uri startAgain) =>
        Html(status, SlackOAuthPages.Problem(title, explanation, startAgain));

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static string Short(string value) => value.Length <= 64 ? value : value[..64];

    private Uri PublicBase(HttpRequest request) =>
        _options.PublicBaseUri ?? new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/", UriKind.Absolute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack installation refused at the {Step} step: {Why}")]
    private partial void LogRefused(string step, string why);
}
