namespace FlywheelBot.CheckIns.History;

/// <summary>
/// Where a campaign's own history lives: the same <c>history</c> collection under a key of its own
/// (<c>{conversation key}#campaign:{campaign id}</c>), so listing the team's history never returns a campaign's
/// snapshots, nor one campaign's those of another.
/// </summary>
public static class CampaignHistory
{
    public static string Key(string conversationKey, string campaignId) => $"{conversationKey}#campaign:{campaignId}";
}
