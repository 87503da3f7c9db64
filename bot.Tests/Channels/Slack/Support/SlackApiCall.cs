using System.Collections.Immutable;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>One Web API call the fake received: the method, the bearer token, the arguments (form fields or JSON members, as strings).</summary>
internal sealed record SlackApiCall(string Method, string? Token, ImmutableDictionary<string, string> Args, string ContentType)
{
    public string this[string name] => Args.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Method} has no argument '{name}' (has: {string.Join(", ", Args.Keys)})");
}
