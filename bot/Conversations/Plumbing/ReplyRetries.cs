using System.Collections.Immutable;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// A reply the channel could not take now (throttled, down, timed out, the token service hanging) is not dropped: it is
/// sent again after each of <see cref="Delays"/> (issue 14, item 3: the turn already ran and its state is stored, so
/// the reply is completed later rather than the turn run twice). Sent or gone ends it. The waits run on the injected
/// clock and stop at application shutdown.
/// </summary>
internal static class ReplyRetries
{
    public static readonly ImmutableArray<TimeSpan> Delays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>Calls <paramref name="send"/> until it is <see cref="SendOutcome.Sent"/> or <see cref="SendOutcome.Gone"/>, or the delays run out.</summary>
    public static async Task<SendOutcome> DeliverAsync(Func<CancellationToken, Task<SendOutcome>> send, TimeProvider clock, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(send);
        var outcome = await send(stopping);
        foreach (var delay in Delays)
        {
            if (outcome != SendOutcome.RetryLater)
            {
                break;
            }

            await Task.Delay(delay, clock, stopping);
            outcome = await send(stopping);
        }

        return outcome;
    }
}
