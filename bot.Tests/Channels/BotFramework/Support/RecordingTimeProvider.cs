using System.Collections.Concurrent;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// System time whose timers (Task.Delay on this provider, timeouts of CancellationTokenSources made on it) run
/// <see cref="Scale"/> times as long, and are recorded with the delay that was asked for: retry tests prove the waits
/// without spending them. A timer created idle and started later (<see cref="ITimer.Change"/>, as CancelAfter does) is
/// scaled and recorded when it is started.
/// </summary>
internal sealed class RecordingTimeProvider(double scale) : TimeProvider
{
    public double Scale => scale;

    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Record(dueTime);
        return new ScaledTimer(this, base.CreateTimer(callback, state, Scaled(dueTime), Scaled(period)));
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            RequestedDelays.Enqueue(dueTime);
        }
    }

    private TimeSpan Scaled(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span * scale;

    private sealed class ScaledTimer(RecordingTimeProvider clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Record(dueTime);
            return inner.Change(clock.Scaled(dueTime), clock.Scaled(period));
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
