namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// The outcome of authenticating a request: 200 accepted, 401 the token is missing or not valid, 403 a valid token that
/// may not speak for this activity (serviceUrl or channel). <see cref="Reason"/> is safe to show and log.
/// </summary>
internal sealed record AuthResult(int StatusCode, string Reason)
{
    public static AuthResult Accepted { get; } = new(StatusCodes.Status200OK, "accepted");

    public bool Succeeded => StatusCode == StatusCodes.Status200OK;

    public static AuthResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);

    public static AuthResult Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason);
}
