using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Builds the check-in card's content from what the team told the bot: the bottleneck stage's deciding metrics
/// and the metric to watch from the last recommendation.
/// </summary>
internal sealed class CheckInPromptFactory(ITeamProfileStore profiles, HistoryStore history, ICheckInAdvice advice)
{
    public async Task<CheckInPromptView> BuildAsync(CheckInSubscription subscription, CheckInStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(step);
        var key = subscription.ConversationKey;
        var profile = await profiles.GetAsync(key, cancellationToken);
        var latest = await history.LatestAsync(key, cancellationToken);
        var diagnosis = profile is null ? null : advice.Diagnose(profile.ToDiagnosisInput());
        var metricToWatch = latest?.MetricToWatch ?? diagnosis?.Recommendation.MetricToWatch;
        var fields = advice.MetricsToAsk(profile, diagnosis, metricToWatch)
            .Select(m => new CheckInPromptField(m.Id, m.Label, m.Unit, profile?.Metrics.TryGetValue(m.Id, out var v) == true ? v : null))
            .ToImmutableArray();
        return new CheckInPromptView(
            step.Period,
            subscription.Schedule.TimeZoneId,
            step.Kind == CheckInStepKind.SendReminder,
            fields,
            diagnosis is null ? null : FlywheelIds.Of(diagnosis.Bottleneck.Stage),
            metricToWatch);
    }
}
