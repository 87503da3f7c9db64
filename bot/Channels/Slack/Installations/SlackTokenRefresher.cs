using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Token rotation: a bot token within <see cref="SlackOAuthOptions.TokenRefreshMargin"/> of its expiry is exchanged
/// with <c>oauth.v2.access</c> (<c>grant_type=refresh_token</c>) and the new pair saved in one version-checked write.
/// Slack accepts a refresh token once, so among all instances exactly one may spend it: an instance first claims
/// the refresh with a version-checked write of a <see cref="RefreshLease"/>; an instance that finds a live lease waits
/// for the new pair instead of using the old token (which Slack may retire once it has rotated). A lease whose holder
/// died ends after <see cref="LeaseTime"/> and another instance takes over.
/// </summary>
internal sealed partial class SlackTokenRefresher(
    SlackInstallationStore store,
    SlackOAuthClient slack,
    SlackTokenProtector tokens,
    IOptions<SlackOAuthOptions> options,
    TimeProvider clock,
    ILogger<SlackTokenRefresher> logger)
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Bounds the wait loop: a lease ends after <see cref="LeaseTime"/>, so this is never reached in practice.</summary>
    private const int MaxRounds = 2_000;

    private readonly string _owner = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly TimeSpan _margin = options.Value.TokenRefreshMargin;

    public bool NeedsRefresh(StoredSlackInstallation installation, DateTimeOffset now) =>
        installation.Rotates && installation.BotTokenExpiresAt!.Value - now <= _margin;

    /// <summary>
    /// The installation with a bot token fit to use: as stored when it is not due, else after this or another instance
    /// refreshed it. Null when it was removed meanwhile or no usable token can be had (logged).
    /// </summary>
    public async Task<StoredSlackInstallation?> EnsureFreshAsync(string key, StoredSlackInstallation? current, long version, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = clock.GetUtcNow();
            if (current is null || !NeedsRefresh(current, now))
            {
                return current;
            }

            if (current.Refresh is { } lease && lease.Until > now)
            {
                // Another refresh (another instance or another turn here) is under way: wait for its pair.
                await Task.Delay(PollInterval, clock, cancellationToken);
                (current, version) = await store.ReadAsync(key, cancellationToken);
                continue;
            }

            var claimed = current with { Refresh = new RefreshLease(_owner, now + LeaseTime) };
            if (await store.TryWriteAsync(key, claimed, version, cancellationToken) is { } claimVersion)
            {
                return await RefreshClaimedAsync(key, claimed, claimVersion, cancellationToken);
            }

            (current, version) = await store.ReadAsync(key, cancellationToken);
        }

        LogGaveUp(key);
        return current is not null && IsUnexpired(current, clock.GetUtcNow()) ? current : null;
    }

    private async Task<StoredSlackInstallation?> RefreshClaimedAsync(string key, StoredSlackInstallation claimed, long claimVersion, CancellationToken cancellationToken)
    {
        var refreshToken = tokens.TryUnprotect(claimed.ProtectedRefreshToken!);
        if (refreshToken is null)
        {
            LogUndecryptable(key);
            await ReleaseAsync(key, claimed, claimVersion, cancellationToken);
            return null;
        }

        var result = await slack.RefreshAsync(refreshToken, cancellationToken);
        var now = clock.GetUtcNow();
        if (result.Answer is { Ok: true, AccessToken: { Length: > 0 } token, RefreshToken: { Length: > 0 } refresh, ExpiresIn: > 0 and var expiresIn })
        {
            var next = claimed with
            {
                ProtectedBotToken = tokens.Protect(token),
                ProtectedRefreshToken = tokens.Protect(refresh),
                BotTokenExpiresAt = now + TimeSpan.FromSeconds(expiresIn),
                Refresh = null,
                UpdatedAt = now,
            };
            return await SaveRotatedAsync(key, claimed, next, claimVersion, cancellationToken);
        }

        LogRefreshFailed(key, result.Answer?.Error ?? result.Unreachable ?? "an incomplete answer");
        await ReleaseAsync(key, claimed, claimVersion, cancellationToken);

        // The token may still have hours to live (it is refreshed early): use it while it lasts; a later use retries.
        var released = claimed with { Refresh = null };
        return IsUnexpired(released, now) ? released : null;
    }

    /// <summary>
    /// Saves the new pair over the claimed one. Should the record have changed meanwhile (the lease ran out and another
    /// instance touched it) while it still holds the pair just spent, the new pair still replaces it: the old one is
    /// dead at Slack. A record that holds another pair (a reinstall) or none (uninstalled) wins.
    /// </summary>
    private async Task<StoredSlackInstallation?> SaveRotatedAsync(
        string key, StoredSlackInstallation claimed, StoredSlackInstallation next, long version, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (await store.TryWriteAsync(key, next, version, cancellationToken) is not null)
            {
                LogRefreshed(key, next.BotTokenExpiresAt!.Value);
                return next;
            }

            var (stored, storedVersion) = await store.ReadAsync(key, cancellationToken);
            if (stored is null || stored.ProtectedRefreshToken != claimed.ProtectedRefreshToken)
            {
                LogLostPair(key);
                return stored is not null && !NeedsRefresh(stored, clock.GetUtcNow()) ? stored : null;
            }

            version = storedVersion;
        }

        LogLostPair(key);
        return null;
    }

    private async Task ReleaseAsync(string key, StoredSlackInstallation claimed, long claimVersion, CancellationToken cancellationToken) =>
        await store.TryWriteAsync(key, claimed with { Refresh = null }, claimVersion, cancellationToken);

    private static bool IsUnexpired(StoredSlackInstallation installation, DateTimeOffset now) =>
        installation.BotTokenExpiresAt is not { } expires || expires > now;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack token pair of {Key} rotated; the new bot token expires at {ExpiresAt:o}")]
    private partial void LogRefreshed(string key, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack token refresh for {Key} failed: {Error}")]
    private partial void LogRefreshFailed(string key, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The refresh token of {Key} cannot be decrypted (Data Protection key ring lost or replaced?); the workspace must reinstall the app")]
    private partial void LogUndecryptable(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Slack installation {Key} changed while its token was being refreshed; the stored one is kept")]
    private partial void LogLostPair(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up waiting for the token refresh of {Key}")]
    private partial void LogGaveUp(string key);
}
