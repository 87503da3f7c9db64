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
        var metrics = new MetricsReader(json, metricIds).Read(root);
        var activities = new ActivitiesReader(json, metricIds, activityIds).Read(root);
        var spokesReader = new SpokesReader(json);
        var spokes = spokesReader.Read(root);
        spokesReader.Check(root, spokes, activities);
        var plays = new PlaysReader(json, metricIds, activityIds).Read(root, activities);
        var (gates, routes) = new GatesReader(json, metricIds, activityIds).Read(root, activities);
        var stopDoing = new StopDoingReader(json, activityIds).Read(root);
        var playbook = new Playbook(source, name, stages, metrics, activities, plays, gates, routes, stopDoing) { Spokes = spokes };
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
}
