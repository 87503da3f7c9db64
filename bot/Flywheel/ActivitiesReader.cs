using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Reads <c>$.activities</c>; every activity names a defined metric to watch.</summary>
internal sealed class ActivitiesReader(PlaybookJson json, IReadOnlySet<string> metricIds, HashSet<string> activityIds)
{
    private readonly Dictionary<string, string> _aliasOwners = new(StringComparer.Ordinal);

    public ImmutableArray<ActivityDefinition> Read(JsonElement root)
    {
        var activities = ImmutableArray.CreateBuilder<ActivityDefinition>();
        foreach (var (item, path) in json.Array(root, "activities", "$"))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.UniqueId(item, path, activityIds);
            var title = json.String(item, "title", path);
            var stage = json.Stage(json.String(item, "stage", path), PlaybookJson.Child(path, "stage"));
            var audiences = json.List(item, "audiences", path, required: true, json.Audience);
            var why = json.String(item, "why", path);
            var firstStep = json.String(item, "firstStep", path);
            var metric = json.String(item, "metric", path);
            if (metric is not null && !metricIds.Contains(metric))
            {
                json.Problem(PlaybookJson.Child(path, "metric"), $"metric '{metric}' is referenced but not defined");
            }

            var target = json.String(item, "target", path);
            var review = json.Number(item, "reviewInDays", path);
            if (review is { } days && (days < 1 || days > 365 || days != decimal.Truncate(days)))
            {
                json.Problem(PlaybookJson.Child(path, "reviewInDays"), $"must be a whole number of days from 1 to 365, got {PlaybookJson.Format(days)}");
                review = null;
            }

            if (audiences.IsEmpty && item.TryGetProperty("audiences", out _))
            {
                json.Problem(PlaybookJson.Child(path, "audiences"), "must name at least one audience (sdm, end-user)");
            }

            var spoke = json.String(item, "spoke", path, required: false);
            var source = json.String(item, "source", path, required: false);
            var aliases = ReadAliases(item, path, id);
            var effort = json.Choice(json.String(item, "effort", path), PlaybookJson.Child(path, "effort"), "effort", PlaybookIds.Efforts);
            if (id is not null && title is not null && stage is { } s && !audiences.IsEmpty && why is not null && firstStep is not null
                && metric is not null && metricIds.Contains(metric) && target is not null && review is { } r && effort is { } e)
            {
                activities.Add(new ActivityDefinition(id, title, s, [.. audiences.Distinct()], why, firstStep, metric, target, (int)r, e)
                {
                    Spoke = spoke,
                    Source = source,
                    Aliases = aliases,
                });
            }
        }

        return activities.ToImmutable();
    }

    /// <summary>
    /// The words people type for an activity ("linkedin ads", "press"): words only, each naming one activity, so a
    /// question like "what about LinkedIn ads?" finds it. The id and the short title are names already.
    /// </summary>
    private ImmutableArray<string> ReadAliases(JsonElement item, string path, string? id)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var (alias, aliasPath) in json.Array(item, "aliases", path, required: false))
        {
            if (alias.ValueKind != JsonValueKind.String || MetricNames.Normalize(alias.GetString()) is not { Length: > 0 } name)
            {
                json.Problem(aliasPath, "must be a non-empty text (a word people type for the activity)");
                continue;
            }

            if (!name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '\'' or '&' or '/'))
            {
                json.Problem(aliasPath, $"'{alias.GetString()}' must be words only");
                continue;
            }

            if (_aliasOwners.TryGetValue(name, out var owner) && owner != id)
            {
                json.Problem(aliasPath, $"'{alias.GetString()}' is already an alias of {owner}");
                continue;
            }

            if (_aliasOwners.TryAdd(name, id ?? string.Empty))
            {
                aliases.Add(name);
            }
        }

        return aliases.ToImmutable();
    }
}
