using System.Collections.Concurrent;
using System.Collections.Immutable;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.Fake;

/// <summary>
/// A third channel, made only of the shared plumbing: it de-duplicates its events, saves its addresses, installs, runs
/// turns through the one turn handler and renders answers as text (its "wire format"). Driven in-process by tests.
/// </summary>
internal sealed class FakeChannel(
    TurnDeduplicator deduplicator,
    InstallRegistry installs,
    IConversationDirectory directory,
    TurnRunner runner,
    ITextRenderer text)
{
    private readonly ConcurrentQueue<(string Conversation, ViewModel View)> _outbox = new();
    private readonly SemaphoreSlim _delivered = new(0);

    /// <summary>Messages the bot sent on its own (check-ins), by conversation.</summary>
    public IReadOnlyCollection<(string Conversation, ViewModel View)> Outbox => _outbox;

    public static string Key(string conversation) => $"{FakeRoute.Channel}:{conversation}";

    public async Task<ImmutableArray<string>> InstallAsync(string conversation)
    {
        await SaveAddressAsync(conversation);
        return await installs.TryMarkInstalledAsync(Key(conversation), CancellationToken.None)
            ? await TurnAsync(conversation, TurnKind.Installed, null)
            : [];
    }

    /// <summary>A message; null when the event id was seen before (a redelivery).</summary>
    public async Task<ImmutableArray<string>?> SayAsync(string conversation, string message, string? eventId = null)
    {
        if (!await deduplicator.TryClaimAsync(FakeRoute.Channel, eventId ?? Guid.NewGuid().ToString("N"), CancellationToken.None))
        {
            return null;
        }

        await SaveAddressAsync(conversation);
        return await TurnAsync(conversation, TurnKind.Message, message);
    }

    /// <summary>Waits for the next message the bot sends on its own.</summary>
    public async Task<ViewModel> NextDeliveryAsync(string conversation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_outbox.FirstOrDefault(m => m.Conversation == conversation) is { View: { } view })
            {
                return view;
            }

            await _delivered.WaitAsync(timeout.Token);
        }
    }

    public void Deliver(string conversation, ViewModel view)
    {
        _outbox.Enqueue((conversation, view));
        _delivered.Release();
    }

    public string Render(ViewModel view) => text.Render(view);

    private Task SaveAddressAsync(string conversation) =>
        directory.SaveAsync(new ConversationAddress(FakeRoute.Channel, Key(conversation), ConversationScope.GroupChat, "UTC", new FakeRoute(conversation)), CancellationToken.None);

    private async Task<ImmutableArray<string>> TurnAsync(string conversation, TurnKind kind, string? message)
    {
        var turn = new InboundTurn(Key(conversation), ConversationScope.GroupChat, kind, "fake-user", "Fay", message, ImmutableDictionary<string, string>.Empty, "UTC");
        var output = await runner.RunAsync(turn, CancellationToken.None);
        return output is null ? [text.Render(TurnFailedView.Instance)] : [.. output.Replies.Select(text.Render)];
    }
}
