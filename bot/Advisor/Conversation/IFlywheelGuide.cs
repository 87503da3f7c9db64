using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// What the conversation needs from the flywheel engine and playbook: which metrics decide a stage, how to read a
/// typed metric value, the diagnosis itself, and names for ids. Pure and immutable, so <see cref="Advisor"/> stays pure.
/// </summary>
internal interface IFlywheelGuide
{
    /// <summary>The metrics that decide <paramref name="stage"/> for <paramref name="audience"/>, in asking order.</summary>
    ImmutableArray<MetricQuestion> DecidingMetrics(Audience audience, StageId stage);

    /// <summary>A metric by id (any audience), or null.</summary>
    MetricQuestion? FindMetric(string metricId);

    /// <summary>A metric by id in the audience's words (end users sign up rather than become leads), or null.</summary>
    MetricQuestion? FindMetric(string metricId, Audience audience);

    /// <summary>The words people type for metrics (the playbook's aliases, ids and labels).</summary>
    MetricNames MetricNames { get; }

    /// <summary>Reads a typed answer ("about 2k", "1,200", "12.5 percent") for a metric.</summary>
    bool TryParseValue(MetricQuestion metric, string text, out decimal value);

    Diagnosis Diagnose(DiagnosisInput input);

    /// <summary>The playbook behind the guide (goals, spokes, pictures), or null for guides without one.</summary>
    Playbook? Playbook => null;

    /// <summary>Words that name the activities ("linkedin ads", "lead scoring").</summary>
    ActivityPhrases Activities { get; }

    /// <summary>The metric ids the reported ones imply (a rate from two counts), so the interview need not ask them.</summary>
    ImmutableHashSet<string> Derivable(IReadOnlyDictionary<string, decimal> reported);

    /// <summary>A new reported value, dropping a reported number it made stale (the rate after a count changed).</summary>
    ImmutableDictionary<string, decimal> Report(ImmutableDictionary<string, decimal> reported, string metricId, decimal value);

    /// <summary>The activities that suit the audience, as choices in plain words (id, short name), in playbook order.</summary>
    ImmutableArray<(string Id, string Name)> ActivityChoices(Audience audience);

    /// <summary>The interview's last question (what the team does now), its choices the <see cref="ActivityChoices"/> of the audience.</summary>
    BasicQuestion DoingQuestion(Audience audience);

    /// <summary>What the playbook says about one activity for this team: its stage, and how it fits the diagnosis.</summary>
    string AboutActivity(string activityId, Diagnosis? diagnosis);

    /// <summary>One stage's status as <see cref="Diagnose"/> would assess it (cheap: no advice, no evidence text).</summary>
    StageStatus StatusOf(DiagnosisInput input, StageId stage);

    /// <summary>The first stage in flywheel order that <see cref="Diagnose"/> would assess weak, or null (cheap, as <see cref="StatusOf"/>).</summary>
    StageId? FirstWeakStage(DiagnosisInput input);

    /// <summary>An activity's display title (the id when unknown).</summary>
    string ActivityTitle(string activityId);

    /// <summary>The playbook's top activities for a stage and audience, best first (titles).</summary>
    ImmutableArray<string> TopActivities(Audience audience, StageId stage);
}
