namespace FlywheelBot.CheckIns.Commands;

/// <summary>A command without arguments (pause, resume, skip next, stop, status, history, export).</summary>
internal sealed record SimpleCommand(SimpleCommandKind Kind, bool IsExplicit = true) : CheckInCommand(IsExplicit);
