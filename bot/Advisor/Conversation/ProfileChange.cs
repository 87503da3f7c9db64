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

    public TeamProfile Apply(TeamProfile? current)
    {
        if (Interview is { } input)
        {
            return new TeamProfile(input.Audience, input.Awareness, input.Community, input.Metrics, current?.Doing ?? input.Doing, At);
        }

        var profile = current ?? Basis ?? throw new InvalidOperationException("A metric update needs a profile.");
        return profile with { Metrics = profile.Metrics.SetItem(MetricId!, MetricValue), UpdatedAt = At };
    }
}
