using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>The picked activity, the recommendation built from it, and what was assumed on the way.</summary>
internal sealed record ActivityChoice(ActivityDefinition Activity, Recommendation Recommendation, ImmutableArray<MissingMetric> Assumptions);
