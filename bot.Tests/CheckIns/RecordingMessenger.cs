using System.Collections.Concurrent;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>Records every send; answers with queued outcomes (then <see cref="SendOutcome.Sent"/>).</summary>
internal sealed class RecordingMessenger : IProactiveMessenger
{
    private readonly ConcurrentQueue<SendOutcome> _outcomes = new();

    public ConcurrentQueue<(ConversationAddress Address, ViewModel View)> Sent { get; } = new();

    public int Attempts => _attempts;

    public int Queued => _outcomes.Count;

    private int _attempts;

    public void Enqueue(params SendOutcome[] outcomes)
    {
        foreach (var o in outcomes)
        {
            _outcomes.Enqueue(o);
        }
    }

    public Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var outcome = _outcomes.TryDequeue(out var o) ? o : SendOutcome.Sent;
        if (outcome == SendOutcome.Sent)
        {
            Sent.Enqueue((address, view));
        }

        return Task.FromResult(outcome);
    }
}
