using System.Collections.Concurrent;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// System time whose timers (Task.Delay on this provider) run <see cref="Scale"/> times as long, and are recorded with
/// the delay that was asked for: retry tests prove the waits without spending them.
/// </summary>
internal sealed class RecordingTimeProvider(double scale) : TimeProvider
{
    public double Scale => scale;

    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        RequestedDelays.Enqueue(dueTime);
        return base.CreateTimer(callback, state, Scaled(dueTime), Scaled(period));
    }

    private TimeSpan Scaled(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span * scale;
}
