namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>The JSON body of a rejected request: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record ErrorBody(ErrorDetail Error)
{
    public static ErrorBody Of(string code, string message) => new(new ErrorDetail(code, message));
}
