using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// The answers so far. The current question is derived from them (see <see cref="InterviewWalk"/>), so the state
/// cannot disagree with itself. <see cref="History"/> lists resolved question ids in order (for <c>back</c>);
/// <see cref="Skipped"/> were skipped on purpose, <see cref="GaveUp"/> after three unreadable answers.
/// </summary>
internal sealed record InterviewState(
    Audience? Audience,
    MarketAwareness? Awareness,
    Community? Community,
    ImmutableDictionary<string, decimal> Metrics,
    ImmutableList<string> History,
    ImmutableHashSet<string> Skipped,
    ImmutableHashSet<string> GaveUp,
    int Misses)
{
    public static InterviewState New { get; } = new(
        null,
        null,
        null,
        ImmutableDictionary<string, decimal>.Empty,
        ImmutableList<string>.Empty,
        ImmutableHashSet<string>.Empty,
        ImmutableHashSet<string>.Empty,
        0);

    public bool IsResolved(string questionId) => History.Contains(questionId) || Metrics.ContainsKey(questionId);

    /// <summary>What the engine sees now; unanswered basics fall back to the defaults the advice states.</summary>
    public DiagnosisInput ToInput(ImmutableHashSet<string> doing) => new(
        Audience ?? InterviewDefaults.Audience,
        Awareness ?? InterviewDefaults.Awareness,
        Community ?? Flywheel.Community.Unknown,
        Metrics,
        doing);
}
