using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

/// <summary>
/// Renders cards for tests and keeps every one, so the validator tests can hand all of them to the reference
/// Adaptive Cards SDK and the Teams card types in one node run each.
/// </summary>
internal static class CardCorpus
{
    private static readonly ConcurrentDictionary<string, string> Cards = new(StringComparer.Ordinal);

    public static AdaptiveCardRenderer Renderer { get; } = new(new PlainTextRenderer([new CheckInTextContributor()]));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Renders a view as a card and records it under <paramref name="name"/> (made unique per content).</summary>
    public static JsonObject Render(ViewModel view, string name)
    {
        var card = Renderer.Render(view);
        Record(name, card);
        return card;
    }

    public static void Record(string name, JsonObject card)
    {
        var json = card.ToJsonString(Indented);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'));
        Cards.TryAdd($"{safe}-{(uint)StringComparer.Ordinal.GetHashCode(json):x8}", json);
    }

    /// <summary>Writes every recorded card to a fresh temp folder and returns it.</summary>
    public static (string Folder, int Count) WriteAll()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"flywheel-cards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var snapshot = Cards.ToArray();
        foreach (var (name, json) in snapshot)
        {
            File.WriteAllText(Path.Combine(folder, name + ".json"), json);
        }

        return (folder, snapshot.Length);
    }
}
