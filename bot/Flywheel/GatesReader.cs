using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Reads <c>$.gates</c>: blocking gates (activities, metric condition, missing-metric assumption) and route gates.</summary>
internal sealed class GatesReader(PlaybookJson json, IReadOnlySet<string> metricIds, IReadOnlySet<string> activityIds)
{
    public (ImmutableArray<Gate> Gates, ImmutableArray<RouteGate> Routes) Read(JsonElement root, ImmutableArray<ActivityDefinition> activities)
    {
        var gates = ImmutableArray.CreateBuilder<Gate>();
        var routes = ImmutableArray.CreateBuilder<RouteGate>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in json.Array(root, "gates", "$", required: false))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.UniqueId(item, path, ids);
            var rule = json.String(item, "rule", path);
            var reason = json.String(item, "reason", path);
            var audiences = json.List(item, "audiences", path, required: false, json.Audience);
            if (item.TryGetProperty("route", out _))
            {
                var route = ReadRoute(item, path, activities, audiences);
                if (id is not null && rule is not null && reason is not null && route is { } r)
                {
                    routes.Add(new RouteGate(id, rule, audiences, r.Stage, r.Activity, reason));
                }

                continue;
            }

            var blocked = json.IdList(item, "activities", path, required: true, activityIds, "activity");
            var condition = ReadMetricCondition(item, path);
            var ifMissing = json.Choice(json.String(item, "ifMissing", path, required: false) ?? "allow", PlaybookJson.Child(path, "ifMissing"), "ifMissing", [("allow", false), ("block", true)]);
            var assumption = json.String(item, "assumption", path, required: condition is not null && ifMissing == false);
            if (id is not null && rule is not null && reason is not null && !blocked.IsEmpty && condition is not MetricCondition { MetricId: "" } && ifMissing is { } blockIfMissing)
            {
                gates.Add(new Gate(id, rule, blocked, audiences, condition, blockIfMissing, assumption, reason));
            }
        }

        return (gates.ToImmutable(), routes.ToImmutable());
    }

    private (StageId Stage, string Activity)? ReadRoute(JsonElement item, string path, ImmutableArray<ActivityDefinition> activities, ImmutableArray<Audience> audiences)
    {
        var route = json.String(item, "route", path);
        var stage = json.Stage(json.String(item, "stage", path), PlaybookJson.Child(path, "stage"));
        if (route is null || stage is not { } s)
        {
            return null;
        }

        var activity = activities.FirstOrDefault(a => a.Id == route);
        if (activity is null)
        {
            json.Problem(PlaybookJson.Child(path, "route"), $"activity '{route}' is referenced but not defined");
            return null;
        }

        if (activity.Stage != s)
        {
            json.Problem(PlaybookJson.Child(path, "route"), $"activity '{route}' works on {FlywheelIds.Of(activity.Stage)}, not {FlywheelIds.Of(s)}");
        }

        foreach (var audience in audiences.IsEmpty ? [.. Enum.GetValues<Audience>()] : audiences)
        {
            if (!activity.Suits(audience))
            {
                json.Problem(PlaybookJson.Child(path, "route"), $"activity '{route}' does not list audience {FlywheelIds.Of(audience)}");
            }
        }

        return (s, route);
    }

    private MetricCondition? ReadMetricCondition(JsonElement item, string path)
    {
        if (json.Field(item, "blockWhen", path, required: false) is not { } when)
        {
            return null;
        }

        var whenPath = PlaybookJson.Child(path, "blockWhen");
        if (!json.IsObject(when, whenPath))
        {
            return new MetricCondition(string.Empty, null, null);
        }

        var metric = json.String(when, "metric", whenPath);
        if (metric is not null && !metricIds.Contains(metric))
        {
            json.Problem(PlaybookJson.Child(whenPath, "metric"), $"metric '{metric}' is referenced but not defined");
            metric = null;
        }

        var below = json.Number(when, "below", whenPath, required: false);
        var above = json.Number(when, "above", whenPath, required: false);
        if (below is null && above is null && !when.TryGetProperty("below", out _) && !when.TryGetProperty("above", out _))
        {
            json.Problem(whenPath, "needs 'below' or 'above' with a number");
        }

        return new MetricCondition(metric ?? string.Empty, below, above);
    }
}
