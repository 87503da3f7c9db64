using System.Text;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Campaigns;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Campaigns;

/// <summary>A campaign's program flywheel in words: its goal, then one line per stage (activity, spoke, how it moves the goal).</summary>
internal static class CampaignText
{
    public static string Plan(Playbook playbook, CampaignPlan plan)
    {
        var metric = playbook.Metric(plan.Goal.MetricId);
        var text = new StringBuilder($"Campaign \"{plan.Name}\": its own flywheel, one activity per stage. Goal: {metric.Label} {MetricText.Value(metric, plan.Goal.Target)} by {GoalRules.Date(plan.Goal.By)}.");
        var n = 1;
        foreach (var step in plan.Stages)
        {
            var spoke = step.Spoke is { } s && playbook.FindSpoke(s) is { } found ? $" ({found.Title})" : string.Empty;
            text.Append($"\n\n{n++}. {playbook.Stage(step.Stage).Title}: {step.Title}{spoke}. {step.Why}");
        }

        text.Append("\n\nCheck-ins now ask for its goal metric too, and it keeps a history of its own.");
        return text.ToString();
    }
}
