namespace FlywheelBot.Flywheel.Campaigns;

/// <summary>
/// A campaign a team runs: its id (a short slug of the name, unique in the team), its program flywheel and goal, when
/// it started and, once ended, when. Each campaign keeps its own history.
/// </summary>
public sealed record Campaign(string Id, CampaignPlan Plan, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null)
{
    public bool IsRunning => EndedAt is null;
}
