namespace FlywheelBot.Advisor;

/// <summary>
/// How long an untouched conversation state is kept (the setting <c>Storage:DialogStateRetention</c>, which Hosting hands
/// over, so the advisor does not read storage settings itself).
/// </summary>
public sealed record ConversationStateRetention(TimeSpan Duration)
{
    private static readonly long Hour = TimeSpan.TicksPerHour;

    /// <summary>
    /// When a state last updated at <paramref name="updatedAt"/> expires: <see cref="Duration"/> later, rounded up to the
    /// whole hour (UTC), so kept at least as long as set and at most an hour more. The rounding is for the database: the
    /// turns of a conversation within the same hour store the same expiry, and a row update that leaves every indexed
    /// column as it was (the expiry is indexed, for the purge) is heap-only on PostgreSQL: no index entry is written for
    /// it and the old row version is pruned in place, where an update that moved the expiry wrote two index entries
    /// and left work for VACUUM on every turn.
    /// </summary>
    public DateTimeOffset ExpiryOf(DateTimeOffset updatedAt)
    {
        var end = (updatedAt + Duration).UtcTicks;
        var remainder = end % Hour;
        return new DateTimeOffset(remainder == 0 ? end : end - remainder + Hour, TimeSpan.Zero);
    }
}
