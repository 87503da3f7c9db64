namespace FlywheelBot.Bench;

/// <summary>One target's phases in a run, its server's peak resident set (MB), and for PostgreSQL the database transactions per turn.</summary>
internal sealed record TargetResult(string Target, Measurement Turns, Measurement Bare, double PeakResidentMb, double? RoundTripsPerTurn);
