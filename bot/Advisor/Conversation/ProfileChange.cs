using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// A change to the saved profile, applied as read-modify-write so a concurrent change by a teammate is kept:
/// an interview replaces audience, awareness, community and metrics (keeping what the team is doing);
/// a metric update sets one metric on whatever is stored (<see cref="Basis"/> when nothing is).
/// </summary>
internal sealed record ProfileChange(DiagnosisInput? Interview, string? MetricId, decimal MetricValue, TeamProfile? Basis, DateTimeOffset At)
{
    public static ProfileChange FromInterview(DiagnosisInput input, DateTimeOffset at) => new(input, null, 0, null, at);

    public static ProfileChange SetMetric(TeamProfile basis, string metricId, decimal value, DateTimeOffset at) =>
        new(null, metricId, value, basis, at);

    /// <summary>The interview asked what the team does now: its answer replaces the stored list.</summary>
    public bool DoingAnswered { get; init; }

    /// <summary>Several facts from one message (metrics already folded in with <see cref="Report"/>), for a profile update.</summary>
    public Facts? Facts { get; init; }

    /// <summary>Folds a new reported value into the metrics (dropping a rate it made stale); plain set when null.</summary>
    public Func<ImmutableDictionary<string, decimal>, string, decimal, ImmutableDictionary<string, decimal>>? Report { get; init; }

    public static ProfileChange SetFacts(TeamProfile basis, Facts facts, DateTimeOffset at, Func<ImmutableDictionary<string, decimal>, string, decimal, ImmutableDictionary<string, decimal>> report) =>
        new(null, null, 0, basis, at) { Facts = facts, Report = report };

    public TeamProfile Apply(TeamProfile? current)
    {
        if (Interview is { } input)
        {
            return new TeamProfile(input.Audience, input.Awareness, input.Community, input.Metrics, DoingAnswered ? input.Doing : current?.Doing ?? input.Doing, At);
        }

        var profile = current ?? Basis ?? throw new InvalidOperationException("A metric update needs a profile.");
        var report = Report ?? ((metrics, id, value) => metrics.SetItem(id, value));
        if (Facts is { } facts)
        {
            var metrics = profile.Metrics;
            foreach (var (id, value) in facts.Metrics)
            {
                metrics = report(metrics, id, value);
            }

            metrics = metrics.SetItems(facts.Metrics);

            return profile with
            {
                Audience = facts.Audience ?? profile.Audience,
                Awareness = facts.Awareness ?? profile.Awareness,
                Community = facts.Community ?? profile.Community,
                Metrics = metrics,
                UpdatedAt = At,
            };
        }

        return profile with { Metrics = report(profile.Metrics, MetricId!, MetricValue), UpdatedAt = At };
    }
}
