namespace FlywheelBot.Flywheel;

/// <summary>The stable wire ids other tools rely on (FLYWHEEL.md, "Vocabulary"). Parsing is case-insensitive.</summary>
public static class FlywheelIds
{
    public static string Of(Audience audience) => audience switch
    {
        Audience.Sdm => "sdm",
        Audience.EndUser => "end-user",
        _ => throw new ArgumentOutOfRangeException(nameof(audience)),
    };

    public static string Of(MarketAwareness awareness) => awareness switch
    {
        MarketAwareness.New => "new",
        MarketAwareness.Emerging => "emerging",
        MarketAwareness.Established => "established",
        _ => throw new ArgumentOutOfRangeException(nameof(awareness)),
    };

    public static string Of(Community community) => community switch
    {
        Community.Yes => "yes",
        Community.No => "no",
        Community.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(community)),
    };

    public static string Of(StageId stage) => stage switch
    {
        StageId.Awareness => "awareness",
        StageId.Engagement => "engagement",
        StageId.Conversion => "conversion",
        StageId.Adoption => "adoption",
        StageId.Advocacy => "advocacy",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string Of(StageStatus status) => status switch
    {
        StageStatus.Unknown => "unknown",
        StageStatus.Weak => "weak",
        StageStatus.Healthy => "healthy",
        StageStatus.Watch => "watch",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseAudience(string? text, out Audience audience) => TryParse(text, out audience, Enum.GetValues<Audience>());

    public static bool TryParseAwareness(string? text, out MarketAwareness awareness) => TryParse(text, out awareness, Enum.GetValues<MarketAwareness>());

    public static bool TryParseCommunity(string? text, out Community community) => TryParse(text, out community, Enum.GetValues<Community>());

    public static bool TryParseStage(string? text, out StageId stage) => TryParse(text, out stage, Enum.GetValues<StageId>());

    private static bool TryParse<T>(string? text, out T value, T[] all)
        where T : struct, Enum
    {
        foreach (var candidate in all)
        {
            if (string.Equals(Id(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Id<T>(T value)
        where T : struct, Enum => value switch
        {
            Audience a => Of(a),
            MarketAwareness m => Of(m),
            Community c => Of(c),
            StageId s => Of(s),
            StageStatus s => Of(s),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
}
