using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.BlockKit;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// Every Block Kit payload the Slack tests produce (messages the renderer made, messages and views the bot sent to the fake
/// Slack), kept so one run of the TypeScript compiler can check them all against <c>@slack/types</c>, and one limits check.
/// </summary>
internal static class SlackBlockCorpus
{
    private static readonly ConcurrentDictionary<string, string> Payloads = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Record(string name, SlackMessage message) =>
        Add(name, ".message.json", new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() });

    public static void RecordMessage(string name, string text, JsonArray blocks) =>
        Add(name, ".message.json", new JsonObject { ["text"] = text, ["blocks"] = blocks.DeepClone() });

    public static void RecordView(string name, JsonObject view) => Add(name, ".view.json", view.DeepClone().AsObject());

    /// <summary>Records what a test's bot sent to the fake Slack: message blocks of chat calls, views of views.* calls.</summary>
    public static void RecordCalls(string name, FakeSlackApi slack)
    {
        foreach (var call in slack.Calls)
        {
            if (call.Method is "chat.postMessage" or "chat.update" or "chat.postEphemeral" && call.Args.TryGetValue("blocks", out var blocks))
            {
                RecordMessage($"{name}-{call.Method}", call.Args.GetValueOrDefault("text", string.Empty), JsonNode.Parse(blocks)!.AsArray());
            }
            else if (call.Method.StartsWith("views.", StringComparison.Ordinal) && call.Args.TryGetValue("view", out var view))
            {
                RecordView($"{name}-{call.Method}", JsonNode.Parse(view)!.AsObject());
            }
        }
    }

    public static IReadOnlyList<(string Name, JsonObject Payload)> All =>
        Payloads.Select(p => (p.Key, JsonNode.Parse(p.Value)!.AsObject())).ToList();

    public static (string Folder, int Count) WriteAll()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"flywheel-slack-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var snapshot = Payloads.ToArray();
        foreach (var (name, json) in snapshot)
        {
            File.WriteAllText(Path.Combine(folder, name), json);
        }

        return (folder, snapshot.Length);
    }

    private static void Add(string name, string suffix, JsonObject payload)
    {
        var json = payload.ToJsonString(Indented);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'));
        Payloads.TryAdd($"{safe}-{(uint)StringComparer.Ordinal.GetHashCode(json):x8}{suffix}", json);
    }
}
