using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Reported numbers that cannot all be right (e.g. 500 leads from 0 visitors): the metric ids involved (or
/// <c>market_awareness</c> for the awareness answer) and a sentence saying so and asking which is right.
/// </summary>
public sealed record DataWarning(ImmutableArray<string> Metrics, string Text);
