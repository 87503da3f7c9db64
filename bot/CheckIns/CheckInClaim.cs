namespace FlywheelBot.CheckIns;

/// <summary>
/// A scheduler instance's lease on a due subscription: only the holder sends <see cref="Period"/> until
/// <see cref="Until"/>; after that another instance may take over (the holder died).
/// </summary>
public sealed record CheckInClaim(string InstanceId, DateTimeOffset Until, string Period, CheckInDelivery Delivery);
