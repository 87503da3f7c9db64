using System.Collections.Immutable;
using System.Text.Json;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>The tour's prose, one entry per stage in flywheel order. Loaded once from the embedded <c>tour.json</c>.</summary>
internal sealed record TourContent(ImmutableArray<TourStage> Stages)
{
    private const string ResourceName = "FlywheelBot.Advisor.tour.json";

    public TourStage For(StageId stage) => Stages.First(s => s.Stage == stage);

    /// <summary>Reads the embedded tour; throws with a clear message when it is missing or incomplete (a build error, not user input).</summary>
    public static TourContent LoadEmbedded()
    {
        using var stream = typeof(TourContent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var content = JsonSerializer.Deserialize(stream, AdvisorJsonContext.Default.TourContent)
            ?? throw new InvalidOperationException("tour.json is empty.");
        var missing = Enum.GetValues<StageId>().Where(s => content.Stages.All(t => t.Stage != s)).ToList();
        if (missing.Count > 0 || content.Stages.Any(s => s.Choices.All(c => c.Value != s.Answer)))
        {
            throw new InvalidOperationException("tour.json needs every stage once, each with its answer among its choices.");
        }

        return content with { Stages = [.. content.Stages.OrderBy(s => s.Stage)] };
    }
}
