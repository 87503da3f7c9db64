namespace FlywheelBot.Flywheel;

/// <summary>Who the marketing speaks to. Wire ids: <c>sdm</c>, <c>end-user</c> (see <see cref="FlywheelIds"/>).</summary>
public enum Audience
{
    /// <summary>Senior decision-makers: influence the purchase, rarely use the product.</summary>
    Sdm,

    /// <summary>End users: use the product, search for a fix to a concrete problem.</summary>
    EndUser,
}
