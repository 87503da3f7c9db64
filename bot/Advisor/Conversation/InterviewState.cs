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

    /// <summary>What the team does now (activity ids), once asked; null until then. Empty: nothing, or not sure.</summary>
    public ImmutableHashSet<string>? Doing { get; init; }

    public bool IsResolved(string questionId) => History.Contains(questionId) || Metrics.ContainsKey(questionId) || questionId switch
    {
        BasicQuestions.AudienceId => Audience is not null,
        BasicQuestions.AwarenessId => Awareness is not null,
        BasicQuestions.CommunityId => Community is not null,
        BasicQuestions.DoingId => Doing is not null,
        _ => false,
    };

    /// <summary>Records what one message said (facts in any order); <paramref name="report"/> keeps derived rates fresh.</summary>
    public InterviewState With(Facts facts, Func<ImmutableDictionary<string, decimal>, string, decimal, ImmutableDictionary<string, decimal>> report)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(report);
        var metrics = Metrics;
        foreach (var (id, value) in facts.Metrics)
        {
            metrics = report(metrics, id, value);
        }

        // Every number of this message stands (a contradiction among them is said, not silently dropped).
        metrics = metrics.SetItems(facts.Metrics);

        return this with
        {
            Audience = facts.Audience ?? Audience,
            Awareness = facts.Awareness ?? Awareness,
            Community = facts.Community ?? Community,
            Metrics = metrics,
            Misses = 0,
        };
    }

    /// <summary>What the engine sees now; unanswered basics fall back to the defaults the advice states.</summary>
    public DiagnosisInput ToInput(ImmutableHashSet<string> doing) => new(
        Audience ?? InterviewDefaults.Audience,
        Awareness ?? InterviewDefaults.Awareness,
        Community ?? Flywheel.Community.Unknown,
        Metrics,
        doing);
}
