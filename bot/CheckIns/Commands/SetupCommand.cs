namespace FlywheelBot.CheckIns.Commands;

/// <summary>"check in" without a schedule: offer the set-up card.</summary>
internal sealed record SetupCommand() : CheckInCommand;
