using System.Collections.Immutable;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Flywheel.Campaigns;

/// <summary>
/// Builds a campaign's program flywheel: for each stage, one activity from the playbook's play for the audience and
/// market awareness, tailored to the campaign. At the goal's own stage the activity that works on the goal's metric
/// wins; for senior decision-makers the other stages prefer a spoke the plan does not use yet, so the campaign
/// integrates activities from different spokes that feed each other (the flywheel-effect article) instead of five of
/// one kind. Activities a gate blocks for the situation are left out. Pure: no I/O, no clock.
/// </summary>
public static class CampaignPlanner
{
    public static CampaignPlan Plan(Playbook playbook, string? name, FlywheelGoal goal, DiagnosisInput situation)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(situation);
        var goalMetric = playbook.Metric(goal.MetricId);
        var usedSpokes = new HashSet<string>(StringComparer.Ordinal);
        var steps = ImmutableArray.CreateBuilder<CampaignStep>(playbook.Stages.Length);
        foreach (var stage in playbook.Stages)
        {
            var ranked = playbook.TopActivities(situation.Audience, stage.Id, situation.Awareness, situation.Community)
                .Where(a => GateCheck.Blocking(playbook, situation, a.Id) is null)
                .ToList();
            var direct = playbook.Activities.Where(a => a.Stage == stage.Id && a.Suits(situation.Audience) && a.MetricId == goal.MetricId
                && GateCheck.Blocking(playbook, situation, a.Id) is null);
            var chosen = (stage.Id == goalMetric.Stage ? ranked.FirstOrDefault(a => a.MetricId == goal.MetricId) ?? direct.FirstOrDefault() : null)
                ?? (situation.Audience == Audience.Sdm ? ranked.FirstOrDefault(a => a.Spoke is { } s && !usedSpokes.Contains(s)) : null)
                ?? ranked.FirstOrDefault()
                ?? playbook.TopActivities(situation.Audience, stage.Id, situation.Awareness, situation.Community)[0];
            var spoke = SpokeLink.For(playbook, chosen, situation.Audience);
            if (spoke is not null)
            {
                usedSpokes.Add(spoke.Id);
            }

            var why = $"{chosen.Why} {GoalLink.Explain(playbook, goal, chosen, spoke)}";
            steps.Add(new CampaignStep(stage.Id, chosen.Id, chosen.Title, why, chosen.MetricId, spoke?.Id));
        }

        var title = string.IsNullOrWhiteSpace(name) ? DefaultName(goalMetric, goal) : name.Trim();
        return new CampaignPlan(title, goal, situation.Audience, situation.Awareness, steps.ToImmutable());
    }

    /// <summary>"New leads per month: 50 by 31 Mar 2027".</summary>
    public static string DefaultName(MetricDefinition metric, FlywheelGoal goal)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(goal);
        return $"{metric.Label}: {MetricText.Value(metric, goal.Target)} by {GoalRules.Date(goal.By)}";
    }
}
