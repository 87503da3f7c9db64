using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Reads <c>$.stopDoing</c> and checks the placeholders its sentences use.</summary>
internal sealed class StopDoingReader(PlaybookJson json, IReadOnlySet<string> activityIds)
{
    public ImmutableArray<StopDoingRule> Read(JsonElement root)
    {
        var rules = ImmutableArray.CreateBuilder<StopDoingRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in json.Array(root, "stopDoing", "$", required: false))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.UniqueId(item, path, ids);
            var scope = json.Choice(json.String(item, "scope", path, required: false) ?? "listed", PlaybookJson.Child(path, "scope"), "scope", [("downstream", true), ("listed", false)]);
            var keep = json.IdList(item, "keep", path, required: false, activityIds, "activity");
            var listed = json.IdList(item, "activities", path, required: scope == false, activityIds, "activity");
            var audiences = json.List(item, "audiences", path, required: false, json.Audience);
            var bottleneck = json.Stage(json.String(item, "bottleneck", path, required: false), PlaybookJson.Child(path, "bottleneck"));
            var why = json.String(item, "why", path);
            CheckPlaceholders(why, PlaybookJson.Child(path, "why"));
            if (id is not null && scope is { } downstream && why is not null)
            {
                rules.Add(new StopDoingRule(id, downstream, keep, listed, audiences, bottleneck, why));
            }
        }

        return rules.ToImmutable();
    }

    private void CheckPlaceholders(string? text, string path)
    {
        string[] known = ["{activity}", "{activityStage}", "{bottleneck}", "{recommended}"];
        var rest = text ?? string.Empty;
        foreach (var placeholder in known)
        {
            rest = rest.Replace(placeholder, string.Empty, StringComparison.Ordinal);
        }

        var open = rest.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = rest.IndexOf('}', open);
            var unknown = close > open ? rest[open..(close + 1)] : rest[open..];
            json.Problem(path, $"unknown placeholder '{unknown}' (allowed: {string.Join(", ", known)})");
        }
    }
}
