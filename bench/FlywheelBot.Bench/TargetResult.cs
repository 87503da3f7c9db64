namespace FlywheelBot.Bench;

/// <summary>
/// One target's phases in a run (no bare phase for the published app, which has no bench endpoint), its server's peak
/// resident set (MB; NaN for the PostgreSQL floor, which has no server of its own), and for PostgreSQL the database transactions per turn and the CPU the database server's backends
/// for the run spent per turn (µs; null when they are not on this machine).
/// </summary>
internal sealed record TargetResult(string Target, Measurement Turns, Measurement? Bare, double PeakResidentMb, double? RoundTripsPerTurn, double? DatabaseCpuUsPerTurn = null);
