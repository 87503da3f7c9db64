using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Makes each OAuth state single-use across every instance: the first redirect inserts the nonce (an insert-only,
/// version-0 write), any later one with the same state finds it there. The record expires with the state.
/// </summary>
internal sealed class OAuthStateLedger(IDocumentStore store, TimeProvider clock)
{
    public const string Collection = "slack_oauth_states";

    /// <summary>True the first time a nonce is used, false ever after (until the state expires anyway).</summary>
    public async Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new ConsumedOAuthState(clock.GetUtcNow()), SlackInstallationsJsonContext.Default.ConsumedOAuthState);
        var result = await store.PutAsync(new DocumentWrite(Collection, nonce, json, ExpectedVersion: 0, ExpiresAt: expiresAt), cancellationToken);
        return result.Succeeded;
    }
}
