namespace FlywheelBot.CheckIns;

/// <summary>
/// One conversation's weekly check-in, stored in collection <c>checkins</c> under the conversation key.
/// <see cref="NextAt"/> is when the next check-in for <see cref="NextPeriod"/> goes out (a regular occurrence,
/// later when snoozed). <see cref="LastSentPeriod"/> makes sends exactly-once per period: a period already sent
/// is never sent again, whoever claims it.
/// </summary>
public sealed record CheckInSubscription(
    string ConversationKey,
    WeeklySchedule Schedule,
    CheckInState State,
    string? PauseReason,
    DateTimeOffset NextAt,
    string NextPeriod,
    bool NextSnoozed,
    string? LastSentPeriod,
    DateTimeOffset? LastSentAt,
    PendingCheckIn? Pending,
    CheckInClaim? Claim,
    DateTimeOffset? RetryAt,
    int FailedAttempts,
    DateTimeOffset CreatedAt);
