using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Reads <c>$.plays</c>: ranked activities per audience and stage, with the conditions that select them.</summary>
internal sealed class PlaysReader(PlaybookJson json, IReadOnlySet<string> metricIds, IReadOnlySet<string> activityIds)
{
    public ImmutableArray<Play> Read(JsonElement root, ImmutableArray<ActivityDefinition> activities)
    {
        var plays = ImmutableArray.CreateBuilder<Play>();
        foreach (var (item, path) in json.Array(root, "plays", "$"))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var audience = json.Audience(json.String(item, "audience", path), PlaybookJson.Child(path, "audience"));
            var stage = json.Stage(json.String(item, "stage", path), PlaybookJson.Child(path, "stage"));
            var why = json.String(item, "why", path);
            var assumption = json.String(item, "assumption", path, required: false);
            var when = ReadCondition(item, path);
            var ranked = json.IdList(item, "ranked", path, required: true, activityIds, "activity");
            if (ranked.IsEmpty && item.TryGetProperty("ranked", out _))
            {
                json.Problem(PlaybookJson.Child(path, "ranked"), "must rank at least one activity");
            }

            for (var i = 0; i < ranked.Length && audience is { } a && stage is { } s; i++)
            {
                var activity = activities.FirstOrDefault(x => x.Id == ranked[i]);
                var itemPath = PlaybookJson.Item(PlaybookJson.Child(path, "ranked"), i);
                if (activity is not null && activity.Stage != s)
                {
                    json.Problem(itemPath, $"activity '{activity.Id}' works on {FlywheelIds.Of(activity.Stage)}, not {FlywheelIds.Of(s)}");
                }
                else if (activity is not null && !activity.Suits(a))
                {
                    json.Problem(itemPath, $"activity '{activity.Id}' does not list audience {FlywheelIds.Of(a)}");
                }
            }

            if (when is { } w && w.Community.Contains(Community.Unknown) && assumption is null)
            {
                json.Problem(PlaybookJson.Child(path, "assumption"), "a play that matches an unknown community must say what it assumes");
            }

            if (audience is { } au && stage is { } st && why is not null && when is not null && !ranked.IsEmpty)
            {
                plays.Add(new Play(au, st, when, why, assumption, ranked));
            }
        }

        return plays.ToImmutable();
    }

    private PlayCondition? ReadCondition(JsonElement item, string path)
    {
        if (json.Field(item, "when", path, required: false) is not { } when)
        {
            return PlayCondition.Always;
        }

        var whenPath = PlaybookJson.Child(path, "when");
        if (!json.IsObject(when, whenPath))
        {
            return null;
        }

        var awareness = json.List(when, "awareness", whenPath, required: false, json.Awareness);
        var community = json.List(when, "community", whenPath, required: false, json.Community);
        var weak = json.IdList(when, "weakMetrics", whenPath, required: false, metricIds, "metric");
        var condition = new PlayCondition(awareness, community, weak);
        if (condition.IsAlways)
        {
            json.Problem(whenPath, "names no condition (use awareness, community or weakMetrics, or leave 'when' out)");
        }

        return condition;
    }
}
