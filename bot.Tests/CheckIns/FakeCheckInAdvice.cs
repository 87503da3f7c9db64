using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.CheckIns;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// A tiny stand-in for the engine: awareness is weak below 1,000 monthly visitors, engagement weak below
/// 10 inbound conversations; the recommendation watches the bottleneck's metric.
/// </summary>
internal sealed class FakeCheckInAdvice : ICheckInAdvice
{
    private static readonly Dictionary<string, CheckInMetric> Metrics = new()
    {
        ["monthly_visitors"] = new("monthly_visitors", "Monthly visitors", "per month"),
        ["inbound_conversations"] = new("inbound_conversations", "Inbound conversations", "per month"),
        ["nps"] = new("nps", "NPS", "score"),
        ["activation_pct"] = new("activation_pct", "Activation", "%"),
    };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["visitors"] = "monthly_visitors",
        ["inbound"] = "inbound_conversations",
        ["conversations"] = "inbound_conversations",
        ["activation"] = "activation_pct",
    };

    public Diagnosis Diagnose(DiagnosisInput input)
    {
        var awareness = Status(input, "monthly_visitors", 1000);
        var engagement = Status(input, "inbound_conversations", 10);
        var stages = Enum.GetValues<StageId>().Select(s => new StageAssessment(
            s,
            s == StageId.Awareness ? awareness : s == StageId.Engagement ? engagement : StageStatus.Unknown,
            ImmutableArray<Evidence>.Empty)).ToImmutableArray();
        var bottleneck = awareness != StageStatus.Healthy ? StageId.Awareness : StageId.Engagement;
        var watch = bottleneck == StageId.Awareness ? "monthly_visitors" : "inbound_conversations";
        return new Diagnosis(
            input,
            stages,
            new Bottleneck(bottleneck, "test", false),
            new Recommendation(bottleneck == StageId.Awareness ? "pr" : "thought-leadership", "Do " + bottleneck, "why", "first", watch, "more", 14),
            ImmutableArray<StopDoing>.Empty,
            ImmutableArray<MissingMetric>.Empty);
    }

    public ImmutableArray<CheckInMetric> MetricsToAsk(TeamProfile? profile, Diagnosis? diagnosis, string? metricToWatch)
    {
        var ids = diagnosis?.Bottleneck.Stage == StageId.Engagement ? new[] { "inbound_conversations" } : ["monthly_visitors"];
        return ids.Append(metricToWatch ?? "nps").Distinct().Select(Describe).ToImmutableArray();
    }

    public bool TryResolveMetric(string name, [NotNullWhen(true)] out string? metricId)
    {
        var key = name.Trim().ToLowerInvariant().Replace(' ', '_');
        metricId = Metrics.ContainsKey(key) ? key : Aliases.GetValueOrDefault(key);
        return metricId is not null;
    }

    public bool TryParseValue(string metricId, string text, out decimal value) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%', ' '), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    public CheckInMetric Describe(string metricId) => Metrics.GetValueOrDefault(metricId) ?? new CheckInMetric(metricId, metricId, string.Empty);

    private static StageStatus Status(DiagnosisInput input, string metric, decimal healthyFrom) =>
        input.Metrics.TryGetValue(metric, out var v) ? (v >= healthyFrom ? StageStatus.Healthy : StageStatus.Weak) : StageStatus.Unknown;
}
