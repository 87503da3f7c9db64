namespace FlywheelBot.Flywheel;

/// <summary>
/// The spoke a recommended activity belongs to and the spoke it feeds next (senior decision-maker audiences only).
/// <see cref="Sentence"/> is the line a person reads: "Spoke: Product marketing. It feeds Thought leadership next: …".
/// </summary>
public sealed record SpokeLink(string Id, string Title, string FeedsId, string FeedsTitle, string How)
{
    public string Sentence => $"Spoke: {Title}. It feeds {FeedsTitle.ToLowerInvariant()} next: {How}";

    /// <summary>The link for the activity's spoke, or null when the audience has no spokes or the activity none.</summary>
    public static SpokeLink? For(Playbook playbook, ActivityDefinition activity, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(activity);
        if (playbook.SpokeOf(activity, audience) is not { } spoke)
        {
            return null;
        }

        var next = playbook.FindSpoke(spoke.Feeds);
        return new SpokeLink(spoke.Id, spoke.Title, spoke.Feeds, next?.Title ?? spoke.Feeds, spoke.How);
    }
}
