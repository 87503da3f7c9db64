using System.Globalization;

namespace FlywheelBot.Flywheel.Campaigns;

/// <summary>
/// The stable JSON shape of a campaign plan (<c>plan --json</c>): <c>{"name", "goal": {"metric", "target", "by"},
/// "audience", "awareness", "stages": [{"stage", "activity", "title", "why", "metric", "spoke"}]}</c>, wire ids as in
/// FLYWHEEL.md, the date as yyyy-mm-dd, <c>spoke</c> null for end users. Add fields at the end; never rename one.
/// </summary>
public sealed record CampaignDocument(
    string Name,
    CampaignDocument.GoalPart Goal,
    string Audience,
    string Awareness,
    IReadOnlyList<CampaignDocument.StepPart> Stages)
{
    public static CampaignDocument From(CampaignPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CampaignDocument(
            plan.Name,
            new GoalPart(plan.Goal.MetricId, plan.Goal.Target, plan.Goal.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            FlywheelIds.Of(plan.Audience),
            FlywheelIds.Of(plan.Awareness),
            [.. plan.Stages.Select(s => new StepPart(FlywheelIds.Of(s.Stage), s.ActivityId, s.Title, s.Why, s.MetricId, s.Spoke))]);
    }

    public sealed record GoalPart(string Metric, decimal Target, string By);

    public sealed record StepPart(string Stage, string Activity, string Title, string Why, string Metric, string? Spoke);
}
