namespace FlywheelBot.CheckIns.History;

/// <summary>What the latest week did to the wheel's momentum.</summary>
public enum MomentumChange
{
    /// <summary>Not enough weeks with the metric to say.</summary>
    Unknown,

    /// <summary>The metric improved this week: the wheel turned.</summary>
    Gaining,

    /// <summary>The metric did not improve this week after at least one week that did.</summary>
    Losing,

    /// <summary>The metric did not improve this week, nor the week before.</summary>
    Stalled,
}
