namespace FlywheelBot.Flywheel;

/// <summary>How well the market knows the team. Wire ids: <c>new</c>, <c>emerging</c>, <c>established</c>.</summary>
public enum MarketAwareness
{
    New,
    Emerging,
    Established,
}
