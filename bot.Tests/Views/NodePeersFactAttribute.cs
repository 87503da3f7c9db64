namespace FlywheelBot.Tests.Views;

/// <summary>
/// A fact that needs the node peers: skipped with the reason when they are missing locally, but run (and failing)
/// when <c>CI</c> or <c>FLYWHEEL_REQUIRE_PEERS</c> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodePeersFactAttribute : FactAttribute
{
    public NodePeersFactAttribute()
    {
        if (NodePeers.MissingReason is { } reason && !NodePeers.Required)
        {
            Skip = reason;
        }
    }
}
