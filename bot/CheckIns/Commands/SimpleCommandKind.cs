namespace FlywheelBot.CheckIns.Commands;

/// <summary>The check-in commands that take no arguments.</summary>
internal enum SimpleCommandKind
{
    Pause,
    Resume,
    SkipNext,
    Stop,
    Status,
    History,
    Export,
}
