using System.Collections.Concurrent;
using FlywheelBot.Advisor;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// The advisor stand-in: records every turn and answers with <see cref="Behaviour"/> (by default one reply echoing the
/// text, or "welcome" for installs).
/// </summary>
internal sealed class ScriptedTurnHandler : ITurnHandler
{
    public ConcurrentQueue<InboundTurn> Turns { get; } = new();

    public Func<InboundTurn, CancellationToken, Task<TurnOutput>> Behaviour { get; set; } = Echo;

    public static Task<TurnOutput> Echo(InboundTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(TurnOutput.Of(new TestView(turn.Kind == TurnKind.Installed ? "welcome" : $"echo: {turn.Text}")));

    public IReadOnlyList<InboundTurn> For(string conversationKey) => [.. Turns.Where(t => t.ConversationKey == conversationKey)];

    public Task<TurnOutput> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        return Behaviour(turn, cancellationToken);
    }
}
