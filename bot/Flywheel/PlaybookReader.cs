using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>Turns a playbook's JSON into a <see cref="Playbook"/>, or a <see cref="PlaybookException"/> listing every problem.</summary>
internal sealed class PlaybookReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly PlaybookJson json = new();
    private readonly HashSet<string> metricIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> activityIds = new(StringComparer.Ordinal);

    public static Playbook Read(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
            throw new PlaybookException(source, [new PlaybookProblem(ex.Path ?? "$", $"malformed JSON at line {line}, position {position}: {reason}")]);
        }

        using (document)
        {
            return new PlaybookReader().Build(document.RootElement, source);
        }
    }

    private Playbook Build(JsonElement root, string source)
    {
        if (!json.IsObject(root, "$"))
        {
            throw new PlaybookException(source, json.Problems);
        }

        var name = json.String(root, "name", "$", required: false) ?? "Unnamed playbook";
        var stages = ReadStages(root);
        var metrics = ReadMetrics(root);
        var activities = ReadActivities(root);
        var plays = ReadPlays(root, activities);
        var (gates, routes) = ReadGates(root, activities);
        var stopDoing = ReadStopDoing(root);
        var playbook = new Playbook(source, name, stages, metrics, activities, plays, gates, routes, stopDoing);
        if (root.TryGetProperty("plays", out _))
        {
            PlaybookChecks.CrossCheck(playbook, json);
        }

        var problems = json.Problems;
        return problems.IsEmpty ? playbook : throw new PlaybookException(source, problems);
    }

    private ImmutableArray<StageDefinition> ReadStages(JsonElement root)
    {
        var stages = ImmutableArray.CreateBuilder<StageDefinition>();
        var items = json.Array(root, "stages", "$");
        foreach (var (item, path) in items)
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.Stage(json.String(item, "id", path), PlaybookJson.Child(path, "id"));
            var title = json.String(item, "title", path);
            var summary = json.String(item, "summary", path, required: false) ?? string.Empty;
            if (id is { } stage && title is not null)
            {
                if (stages.Any(s => s.Id == stage))
                {
                    json.Problem(PlaybookJson.Child(path, "id"), $"duplicate id '{FlywheelIds.Of(stage)}'");
                }
                else
                {
                    stages.Add(new StageDefinition(stage, title, summary));
                }
            }
        }

        var order = Enum.GetValues<StageId>();
        var missing = order.Where(s => stages.All(d => d.Id != s)).Select(FlywheelIds.Of).ToArray();
        if (missing.Length > 0 && root.TryGetProperty("stages", out var present) && present.ValueKind == JsonValueKind.Array)
        {
            json.Problem("$.stages", $"missing stage(s) {string.Join(", ", missing)}; all five are needed: {string.Join(", ", order.Select(FlywheelIds.Of))}");
        }
        else if (missing.Length == 0 && !stages.Select(s => s.Id).SequenceEqual(order))
        {
            json.Problem("$.stages", $"stages must be in flywheel order: {string.Join(", ", order.Select(FlywheelIds.Of))}");
        }

        return [.. stages.OrderBy(s => s.Id)];
    }

    private ImmutableArray<MetricDefinition> ReadMetrics(JsonElement root)
    {
        var metrics = ImmutableArray.CreateBuilder<MetricDefinition>();
        foreach (var (item, path) in json.Array(root, "metrics", "$"))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = UniqueId(item, path, metricIds);
            var stage = json.Stage(json.String(item, "stage", path), PlaybookJson.Child(path, "stage"));
            var label = json.String(item, "label", path);
            var question = json.String(item, "question", path);
            var unit = json.Choice(json.String(item, "unit", path), PlaybookJson.Child(path, "unit"), "unit", PlaybookIds.Units);
            var direction = json.Choice(json.String(item, "direction", path), PlaybookJson.Child(path, "direction"), "direction", PlaybookIds.Directions);
            var (min, max) = ReadBounds(item, path, unit);
            var thresholds = direction is { } d ? ReadThresholds(item, path, d, min, max) : [];
            if (id is not null && stage is { } s && label is not null && question is not null && unit is { } u && direction is { } dir)
            {
                metrics.Add(new MetricDefinition(id, s, label, question, u, dir, min, max, thresholds));
            }
        }

        return metrics.ToImmutable();
    }

    private (decimal? Min, decimal? Max) ReadBounds(JsonElement item, string path, MetricUnit? unit)
    {
        var min = json.Number(item, "min", path, required: false);
        var max = json.Number(item, "max", path, required: false);
        (min, max) = unit switch
        {
            MetricUnit.Percent => (min ?? 0, max ?? 100),
            MetricUnit.PerMonth or MetricUnit.Hours => (min ?? 0, max),
            _ => (min, max),
        };
        if (unit == MetricUnit.Percent && (min < 0 || max > 100))
        {
            json.Problem(PlaybookJson.Child(path, "max"), "a percent metric must stay between 0 and 100");
        }

        if (unit is MetricUnit.PerMonth or MetricUnit.Hours && min < 0)
        {
            json.Problem(PlaybookJson.Child(path, "min"), "a count or duration cannot go below 0");
        }

        if (min is { } lo && max is { } hi && lo >= hi)
        {
            json.Problem(PlaybookJson.Child(path, "max"), $"max ({PlaybookJson.Format(hi)}) must be greater than min ({PlaybookJson.Format(lo)})");
        }

        return (min, max);
    }

    private ImmutableDictionary<Audience, MetricThreshold> ReadThresholds(JsonElement item, string path, MetricDirection direction, decimal? min, decimal? max)
    {
        var result = ImmutableDictionary.CreateBuilder<Audience, MetricThreshold>();
        if (json.Field(item, "thresholds", path, required: true) is not { } thresholds)
        {
            return result.ToImmutable();
        }

        var thresholdsPath = PlaybookJson.Child(path, "thresholds");
        if (!json.IsObject(thresholds, thresholdsPath))
        {
            return result.ToImmutable();
        }

        foreach (var property in thresholds.EnumerateObject())
        {
            var linePath = PlaybookJson.Child(thresholdsPath, property.Name);
            var audience = json.Audience(property.Name, linePath);
            if (!json.IsObject(property.Value, linePath) || audience is not { } a)
            {
                continue;
            }

            var weak = json.Number(property.Value, "weak", linePath);
            var healthy = json.Number(property.Value, "healthy", linePath);
            var source = json.String(property.Value, "source", linePath);
            var ask = json.Bool(property.Value, "ask", linePath) ?? true;
            if (weak is not { } w || healthy is not { } h)
            {
                continue;
            }

            CheckLines(linePath, direction, w, h, min, max);
            if (source is not null)
            {
                result[a] = new MetricThreshold(w, h, ask, source);
            }
        }

        if (result.Count == 0 && json.Problems.All(p => !p.Path.StartsWith(thresholdsPath, StringComparison.Ordinal)))
        {
            json.Problem(thresholdsPath, "needs lines for at least one audience (sdm, end-user)");
        }

        return result.ToImmutable();
    }

    private void CheckLines(string path, MetricDirection direction, decimal weak, decimal healthy, decimal? min, decimal? max)
    {
        if (direction == MetricDirection.HigherIsBetter && healthy < weak)
        {
            json.Problem(path, $"healthy ({PlaybookJson.Format(healthy)}) and weak ({PlaybookJson.Format(weak)}) are inverted: higher is better, so healthy must be at or above weak");
        }
        else if (direction == MetricDirection.LowerIsBetter && healthy > weak)
        {
            json.Problem(path, $"healthy ({PlaybookJson.Format(healthy)}) and weak ({PlaybookJson.Format(weak)}) are inverted: lower is better, so healthy must be at or below weak");
        }

        foreach (var (name, value) in new[] { ("weak", weak), ("healthy", healthy) })
        {
            if (value < min || value > max)
            {
                json.Problem(PlaybookJson.Child(path, name), $"{PlaybookJson.Format(value)} is outside the metric's range {PlaybookJson.Format(min ?? decimal.MinValue)}..{(max is { } m ? PlaybookJson.Format(m) : "no limit")}");
            }
        }
    }

    private ImmutableArray<ActivityDefinition> ReadActivities(JsonElement root)
    {
        var activities = ImmutableArray.CreateBuilder<ActivityDefinition>();
        foreach (var (item, path) in json.Array(root, "activities", "$"))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = UniqueId(item, path, activityIds);
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

            var effort = json.Choice(json.String(item, "effort", path), PlaybookJson.Child(path, "effort"), "effort", PlaybookIds.Efforts);
            if (id is not null && title is not null && stage is { } s && !audiences.IsEmpty && why is not null && firstStep is not null
                && metric is not null && metricIds.Contains(metric) && target is not null && review is { } r && effort is { } e)
            {
                activities.Add(new ActivityDefinition(id, title, s, [.. audiences.Distinct()], why, firstStep, metric, target, (int)r, e));
            }
        }

        return activities.ToImmutable();
    }

    private ImmutableArray<Play> ReadPlays(JsonElement root, ImmutableArray<ActivityDefinition> activities)
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

    private (ImmutableArray<Gate> Gates, ImmutableArray<RouteGate> Routes) ReadGates(JsonElement root, ImmutableArray<ActivityDefinition> activities)
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

            var id = UniqueId(item, path, ids);
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

    private ImmutableArray<StopDoingRule> ReadStopDoing(JsonElement root)
    {
        var rules = ImmutableArray.CreateBuilder<StopDoingRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in json.Array(root, "stopDoing", "$", required: false))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = UniqueId(item, path, ids);
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

    private string? UniqueId(JsonElement item, string path, HashSet<string> seen)
    {
        var id = json.String(item, "id", path);
        if (id is not null && !seen.Add(id))
        {
            json.Problem(PlaybookJson.Child(path, "id"), $"duplicate id '{id}'");
            return null;
        }

        return id;
    }
}
