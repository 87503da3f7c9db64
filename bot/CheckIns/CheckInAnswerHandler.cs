using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Takes a check-in's values (card inputs or typed "visitors 5400, nps 20"): updates the team profile, re-diagnoses,
/// stores the snapshot, and answers with what changed since the last snapshot and the recommendation.
/// </summary>
internal sealed class CheckInAnswerHandler(
    ITeamProfileStore profiles,
    IDiagnosisRecorder recorder,
    HistoryStore history,
    ICheckInAdvice advice,
    TimeProvider clock)
{
    public const string Source = "check-in";

    /// <summary>How many recent snapshots momentum is counted over (plenty for weekly check-ins).</summary>
    public const int MomentumSnapshots = 120;

    /// <summary>Resolves names to metric ids; null when any name is not a known metric.</summary>
    public ImmutableArray<KeyValuePair<string, string>>? Resolve(ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        var resolved = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(pairs.Length);
        foreach (var (name, value) in pairs)
        {
            if (!advice.TryResolveMetric(name, out var id))
            {
                return null;
            }

            resolved.Add(KeyValuePair.Create(id, value));
        }

        return resolved.ToImmutable();
    }

    public async Task<ViewModel> HandleAsync(
        string conversationKey, ImmutableArray<KeyValuePair<string, string>> metricValues, CancellationToken cancellationToken, string timeZoneId = "UTC")
    {
        var values = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (id, text) in metricValues)
        {
            if (advice.TryParseValue(id, text, out var value))
            {
                values[id] = value;
            }
            else
            {
                unreadable.Add($"{advice.Describe(id).Label} \"{text}\"");
            }
        }

        if (unreadable.Count > 0 || values.Count == 0)
        {
            return new CheckInNoticeView(values.Count == 0 && unreadable.Count == 0
                ? "I didn't get any values. Fill in at least one metric, or type them like \"visitors 5400, nps 20\"."
                : $"I couldn't read {string.Join(", ", unreadable)}. Nothing was saved; please send the numbers again, e.g. \"visitors 5400, nps 20\".");
        }

        if (await profiles.GetAsync(conversationKey, cancellationToken) is null)
        {
            return new CheckInNoticeView(
                "I don't know your team yet, so I can't diagnose these numbers. Answer my first questions (say \"hi\"), then check-ins compare week by week.");
        }

        var now = clock.GetUtcNow();
        var previous = await history.LatestAsync(conversationKey, cancellationToken);
        var update = values.ToImmutable();
        var profile = await profiles.UpdateAsync(
            conversationKey,
            p => (p ?? throw new InvalidOperationException("The team profile disappeared.")) with { Metrics = p.Metrics.SetItems(update), UpdatedAt = now },
            cancellationToken);
        var diagnosis = advice.Diagnose(profile.ToDiagnosisInput());
        await recorder.RecordAsync(conversationKey, diagnosis, Source, now, cancellationToken);
        var snapshot = HistorySnapshot.From(diagnosis, Source, now);
        var changes = SnapshotDiff.Describe(previous, snapshot, advice.Describe);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (advice.Playbook is { } playbook)
        {
            var recent = await history.RecentAsync(conversationKey, MomentumSnapshots, cancellationToken);
            var momentum = Momentum.Count(recent, timeZoneId, id => playbook.TryGetMetric(id, out var m) && m.Direction == MetricDirection.LowerIsBetter);
            if (momentum.Sentence(advice.Describe(momentum.MetricId ?? diagnosis.Recommendation.MetricToWatch).Label) is { } sentence)
            {
                notes.Add(sentence);
            }

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (profile.Goal is { } goal && playbook.TryGetMetric(goal.MetricId, out _))
            {
                notes.Add(GoalProgress.Of(playbook, goal, profile.Metrics.TryGetValue(goal.MetricId, out var value) ? value : null, today).Text);
            }

            foreach (var campaign in profile.Campaigns.Where(c => c.IsRunning && playbook.TryGetMetric(c.Plan.Goal.MetricId, out _)))
            {
                var goalValue = profile.Metrics.TryGetValue(campaign.Plan.Goal.MetricId, out var v) ? v : (decimal?)null;
                notes.Add($"Campaign \"{campaign.Plan.Name}\": {GoalProgress.Of(playbook, campaign.Plan.Goal, goalValue, today).Text}");

                // Each campaign keeps its own history: its goal metric and its stages' metrics, week by week.
                var kept = campaign.Plan.Stages.Select(s => s.MetricId).Append(campaign.Plan.Goal.MetricId).ToHashSet(StringComparer.Ordinal);
                var own = snapshot with { Metrics = snapshot.Metrics.Where(m => kept.Contains(m.Key)).ToImmutableDictionary(StringComparer.Ordinal), MetricToWatch = campaign.Plan.Goal.MetricId };
                await history.AddAsync(CampaignHistory.Key(conversationKey, campaign.Id), own, null, cancellationToken);
            }
        }

        return new CheckInResultView(changes, diagnosis.Bottleneck.Stage, diagnosis.Bottleneck.IsOptimisation, diagnosis.Recommendation, diagnosis.StopDoing)
        {
            Notes = notes.ToImmutable(),
        };
    }
}
