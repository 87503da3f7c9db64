using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Reads <c>$.activities</c>; every activity names a defined metric to watch.</summary>
internal sealed class ActivitiesReader(PlaybookJson json, IReadOnlySet<string> metricIds, HashSet<string> activityIds)
{
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
            var effort = json.Choice(json.String(item, "effort", path), PlaybookJson.Child(path, "effort"), "effort", PlaybookIds.Efforts);
            if (id is not null && title is not null && stage is { } s && !audiences.IsEmpty && why is not null && firstStep is not null
                && metric is not null && metricIds.Contains(metric) && target is not null && review is { } r && effort is { } e)
            {
                activities.Add(new ActivityDefinition(id, title, s, [.. audiences.Distinct()], why, firstStep, metric, target, (int)r, e)
                {
                    Spoke = spoke,
                    Source = source,
                });
            }
        }

        return activities.ToImmutable();
    }
}
