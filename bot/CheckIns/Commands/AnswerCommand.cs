using System.Collections.Immutable;

namespace FlywheelBot.CheckIns.Commands;

/// <summary>
/// Metric values for a check-in: raw name/value pairs as typed ("visitors 5400") or from card inputs (metric ids).
/// Typed answers (<see cref="FromCard"/> false) are only claimed while a check-in awaits its answer.
/// </summary>
internal sealed record AnswerCommand(ImmutableArray<KeyValuePair<string, string>> Values, bool FromCard)
    : CheckInCommand(FromCard);
