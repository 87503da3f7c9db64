namespace FlywheelBot.Flywheel.Campaigns;

/// <summary>One stage of a campaign's program flywheel: the activity for it, why (tailored to the campaign's goal), the metric it moves and, for senior decision-makers, its spoke.</summary>
public sealed record CampaignStep(StageId Stage, string ActivityId, string Title, string Why, string MetricId, string? Spoke);
