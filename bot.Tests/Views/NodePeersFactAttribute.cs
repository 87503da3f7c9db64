namespace FlywheelBot.Tests.Views;

/// <summary>
/// A fact that needs the node peers: skipped with the reason when they are missing locally, but run (and failing)
/// when <c>CI</c> or <c>FLYWHEEL_REQUIRE_PEERS</c> is set. The validators are needed by default; pass
/// <see cref="NodePeer.Playground"/> for the Agents Playground with playwright-core and Chromium.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodePeersFactAttribute : FactAttribute
{
    public NodePeersFactAttribute(NodePeer needs = NodePeer.Validators)
    {
        Needs = needs;
        if (NodePeers.MissingReasonFor(needs) is { } reason && !NodePeers.Required)
        {
            Skip = reason;
        }
    }

    public NodePeer Needs { get; }
}
