using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Reads <c>$.metrics</c>: units, bounds, each audience's weak/healthy lines (checked for inversion and range) and the
/// optional <c>aliases</c>, the words people type for the metric (words only, each claimed by one metric).
/// </summary>
internal sealed class MetricsReader(PlaybookJson json, HashSet<string> metricIds)
{
    // Which metric claimed each alias (normalized), to report an alias two metrics claim.
    private readonly Dictionary<string, string> _aliasOwners = new(StringComparer.Ordinal);

    public ImmutableArray<MetricDefinition> Read(JsonElement root)
    {
        var metrics = ImmutableArray.CreateBuilder<MetricDefinition>();
        foreach (var (item, path) in json.Array(root, "metrics", "$"))
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.UniqueId(item, path, metricIds);
            var stage = json.Stage(json.String(item, "stage", path), PlaybookJson.Child(path, "stage"));
            var label = json.String(item, "label", path);
            var question = json.String(item, "question", path);
            var unit = json.Choice(json.String(item, "unit", path), PlaybookJson.Child(path, "unit"), "unit", PlaybookIds.Units);
            var direction = json.Choice(json.String(item, "direction", path), PlaybookJson.Child(path, "direction"), "direction", PlaybookIds.Directions);
            var (min, max) = ReadBounds(item, path, unit);
            var thresholds = direction is { } d ? ReadThresholds(item, path, d, min, max) : [];
            var aliases = ReadAliases(item, path, id);
            if (id is not null && stage is { } s && label is not null && question is not null && unit is { } u && direction is { } dir)
            {
                metrics.Add(new MetricDefinition(id, s, label, question, u, dir, min, max, thresholds) { Aliases = aliases });
            }
        }

        return metrics.ToImmutable();
    }

    private ImmutableArray<string> ReadAliases(JsonElement item, string path, string? id)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var (alias, aliasPath) in json.Array(item, "aliases", path, required: false))
        {
            if (alias.ValueKind != JsonValueKind.String || MetricNames.Normalize(alias.GetString()) is not { Length: > 0 } name)
            {
                json.Problem(aliasPath, "must be a non-empty text (a word people type for the metric)");
                continue;
            }

            if (!name.All(c => char.IsLetter(c) || c is ' ' or '\'' or '&' or '/'))
            {
                json.Problem(aliasPath, $"'{alias.GetString()}' must be words only (no digits: the value follows the name when people type it)");
                continue;
            }

            if (_aliasOwners.TryGetValue(name, out var owner) && owner != id)
            {
                json.Problem(aliasPath, $"'{alias.GetString()}' is already an alias of {owner}");
                continue;
            }

            _aliasOwners[name] = id ?? string.Empty;
            aliases.Add(alias.GetString()!.Trim());
        }

        return aliases.ToImmutable();
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
            var label = json.String(property.Value, "label", linePath, required: false);
            var question = json.String(property.Value, "question", linePath, required: false);
            if (weak is not { } w || healthy is not { } h)
            {
                continue;
            }

            CheckLines(linePath, direction, w, h, min, max);
            if (source is not null)
            {
                result[a] = new MetricThreshold(w, h, ask, source) { Label = label, Question = question };
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
}
