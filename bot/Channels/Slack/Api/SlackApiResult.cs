using System.Text.Json;

namespace FlywheelBot.Channels.Slack.Api;

/// <summary>
/// The outcome of one Web API call: <see cref="Error"/> is Slack's error code (or <c>http_{status}</c>,
/// <c>timeout</c>) when not ok; <see cref="Body"/> is the parsed response (a clone, safe to keep).
/// </summary>
internal sealed record SlackApiResult(bool Ok, string? Error, JsonElement Body)
{
    public SlackApiFailure Failure => Ok ? SlackApiFailure.None : SlackApiErrors.Classify(Error);

    public static SlackApiResult Failed(string error) => new(false, error, default);

    /// <summary>A string property of the response (<c>ts</c>, <c>channel.id</c> via <paramref name="path"/>), or null.</summary>
    public string? String(params string[] path)
    {
        if (Body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var current = Body;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
