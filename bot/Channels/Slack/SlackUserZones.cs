using System.Collections.Concurrent;
using FlywheelBot.Channels.Slack.Api;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// A user's IANA time zone from their Slack profile (<c>users.info</c> <c>tz</c>), remembered for six hours per user so a
/// conversation costs one lookup, not one per turn. Null when Slack does not say (the check-ins then use their default).
/// </summary>
internal sealed class SlackUserZones(SlackApiClient api, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, (string? Zone, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<string?> FindAsync(SlackInstallation installation, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var key = $"{installation.TeamId}:{userId}";
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Zone;
        }

        var info = await api.UsersInfoAsync(installation.BotToken, userId, cancellationToken);
        if (!info.Ok)
        {
            return null;
        }

        var zone = info.String("user", "tz");
        if (_known.Count > 10_000)
        {
            _known.Clear();
        }

        _known[key] = (zone, now + Lifetime);
        return zone;
    }
}
