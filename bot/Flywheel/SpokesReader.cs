using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Reads <c>$.spokes</c> (optional: a playbook without it has no spokes) and checks that the spokes form one loop
/// and that, when spokes exist, every senior-decision-maker activity belongs to one of them and every spoke has one.
/// </summary>
internal sealed class SpokesReader(PlaybookJson json)
{
    public ImmutableArray<SpokeDefinition> Read(JsonElement root)
    {
        var spokes = ImmutableArray.CreateBuilder<SpokeDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var items = json.Array(root, "spokes", "$", required: false);
        foreach (var (item, path) in items)
        {
            if (!json.IsObject(item, path))
            {
                continue;
            }

            var id = json.UniqueId(item, path, ids);
            var title = json.String(item, "title", path);
            var summary = json.String(item, "summary", path);
            var feeds = json.String(item, "feeds", path);
            var how = json.String(item, "how", path);
            var source = json.String(item, "source", path);
            if (id is not null && title is not null && summary is not null && feeds is not null && how is not null && source is not null)
            {
                spokes.Add(new SpokeDefinition(id, title, summary, feeds, how, source));
            }
        }

        for (var i = 0; i < items.Length; i++)
        {
            var spoke = spokes.FirstOrDefault(s => items[i].Element.ValueKind == JsonValueKind.Object
                && items[i].Element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == s.Id);
            if (spoke is null)
            {
                continue;
            }

            var feedsPath = PlaybookJson.Child(items[i].Path, "feeds");
            if (!ids.Contains(spoke.Feeds))
            {
                json.Problem(feedsPath, $"spoke '{spoke.Feeds}' is referenced but not defined");
            }
            else if (spoke.Feeds == spoke.Id)
            {
                json.Problem(feedsPath, "a spoke cannot feed itself");
            }
        }

        return spokes.ToImmutable();
    }

    /// <summary>Activities name defined spokes; with spokes defined, every SDM activity has one and every spoke has an activity.</summary>
    public void Check(JsonElement root, ImmutableArray<SpokeDefinition> spokes, ImmutableArray<ActivityDefinition> activities)
    {
        var defined = spokes.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var items = json.Array(root, "activities", "$", required: false);
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var activity = activities.FirstOrDefault(a => a.Id == idElement.GetString());
            if (activity is null)
            {
                continue;
            }

            if (activity.Spoke is { } spoke && !defined.Contains(spoke))
            {
                json.Problem(PlaybookJson.Child(path, "spoke"), $"spoke '{spoke}' is referenced but not defined" + (defined.Count == 0 ? " (the playbook has no $.spokes)" : $" (defined: {string.Join(", ", defined)})"));
            }
            else if (activity.Spoke is null && defined.Count > 0 && activity.Suits(Audience.Sdm))
            {
                json.Problem(PlaybookJson.Child(path, "spoke"), $"an activity for senior decision-makers must belong to a spoke ({string.Join(", ", defined)})");
            }
        }

        foreach (var spoke in spokes.Where(s => activities.All(a => a.Spoke != s.Id)))
        {
            json.Problem("$.spokes", $"spoke '{spoke.Id}' has no activities; give it at least one (activity field 'spoke')");
        }
    }
}
