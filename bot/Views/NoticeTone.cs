namespace FlywheelBot.Views;

/// <summary>How a notice reads: plain information, good news, or something that needs attention.</summary>
public enum NoticeTone
{
    Info,
    Good,
    Warning,
}
