using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns;

/// <summary>What check-ins need from the flywheel engine and playbook (implemented over them in <see cref="EngineCheckInAdvice"/>).</summary>
internal interface ICheckInAdvice
{
    Diagnosis Diagnose(DiagnosisInput input);

    /// <summary>The metrics that matter now: the bottleneck stage's deciding metrics, then the metric to watch.</summary>
    ImmutableArray<CheckInMetric> MetricsToAsk(TeamProfile? profile, Diagnosis? diagnosis, string? metricToWatch);

    /// <summary>Resolves a typed name ("visitors", "monthly_visitors", "nps") to a metric id.</summary>
    bool TryResolveMetric(string name, [NotNullWhen(true)] out string? metricId);

    /// <summary>Parses a typed value for a metric ("5,400", "5.4k", "12.5%").</summary>
    bool TryParseValue(string metricId, string text, out decimal value);

    CheckInMetric Describe(string metricId);

    /// <summary>The playbook behind the advice (metric directions, benchmark lines, goals), or null when there is none.</summary>
    Playbook? Playbook => null;
}
