namespace FlywheelBot.Tests.Views;

/// <summary>Which node peers a test needs (see <see cref="NodePeers"/>).</summary>
public enum NodePeer
{
    /// <summary>The card and manifest validators (adaptivecards, Teams card types, TypeScript).</summary>
    Validators,

    /// <summary>The validators plus the Microsoft 365 Agents Playground, playwright-core and Chromium.</summary>
    Playground,
}
