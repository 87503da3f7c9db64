namespace FlywheelBot.Flywheel;

/// <summary>
/// Three metrics that pin each other: <see cref="Rate"/> (percent) = <see cref="To"/> / <see cref="From"/> x 100, e.g.
/// visitor-to-lead % from leads and visitors. Any two give the third, so the interview never asks for it.
/// </summary>
internal sealed record RateRelation(string Rate, string From, string To)
{
    /// <summary>The relations of the default vocabulary (FLYWHEEL.md); each applies when the playbook has its three metrics.</summary>
    public static IReadOnlyList<RateRelation> Known { get; } =
    [
        new("visitor_to_lead_pct", "monthly_visitors", "leads"),
    ];
}
