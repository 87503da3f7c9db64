using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The whole flywheel model as data: stages, metrics with their lines, activities, plays (ranked activities per
/// audience, stage and situation), gates and stop-doing rules. Immutable; build one with <see cref="PlaybookLoader"/>.
/// </summary>
public sealed class Playbook
{
    private readonly ImmutableDictionary<string, MetricDefinition> metricsById;
    private readonly ImmutableDictionary<string, ActivityDefinition> activitiesById;

    // Asked on every turn of an interview: worked out once per audience and stage.
    private readonly Dictionary<(Audience, StageId), (ImmutableArray<MetricDefinition> All, ImmutableArray<MetricDefinition> Deciding)> metricsByStage;

    internal Playbook(
        string source,
        string name,
        ImmutableArray<StageDefinition> stages,
        ImmutableArray<MetricDefinition> metrics,
        ImmutableArray<ActivityDefinition> activities,
        ImmutableArray<Play> plays,
        ImmutableArray<Gate> gates,
        ImmutableArray<RouteGate> routes,
        ImmutableArray<StopDoingRule> stopDoingRules)
    {
        Source = source;
        Name = name;
        Stages = stages;
        Metrics = metrics;
        Activities = activities;
        Plays = plays;
        Gates = gates;
        Routes = routes;
        StopDoingRules = stopDoingRules;
        metricsById = metrics.ToImmutableDictionary(m => m.Id, StringComparer.Ordinal);
        MetricNames = new MetricNames(metrics);
        activitiesById = activities.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);
        RateRelations = [.. RateRelation.Known.Where(r => metricsById.ContainsKey(r.Rate) && metricsById.ContainsKey(r.From) && metricsById.ContainsKey(r.To))];
        metricsByStage = [];
        foreach (var audience in Enum.GetValues<Audience>())
        {
            foreach (var stage in Enum.GetValues<StageId>())
            {
                ImmutableArray<MetricDefinition> all = [.. metrics.Where(m => m.Stage == stage && m.AppliesTo(audience))];
                metricsByStage[(audience, stage)] = (all, [.. all.Where(m => m.ThresholdFor(audience)!.Ask)]);
            }
        }
    }

    /// <summary>Where the playbook came from (a file path or the embedded default).</summary>
    public string Source { get; }

    public string Name { get; }

    /// <summary>The five stages in flywheel order.</summary>
    public ImmutableArray<StageDefinition> Stages { get; }

    /// <summary>Every metric, in playbook order.</summary>
    public ImmutableArray<MetricDefinition> Metrics { get; }

    /// <summary>The words people type for the metrics (aliases, ids, labels): one table for every feature that reads them.</summary>
    public MetricNames MetricNames { get; }

    /// <summary>Every activity, in playbook order.</summary>
    public ImmutableArray<ActivityDefinition> Activities { get; }

    public ImmutableArray<Play> Plays { get; }

    /// <summary>Rules that block activities (lead volume, NPS, audience fit).</summary>
    public ImmutableArray<Gate> Gates { get; }

    /// <summary>Rules that fix the answer for a weak stage (the end-user product gate).</summary>
    public ImmutableArray<RouteGate> Routes { get; }

    public ImmutableArray<StopDoingRule> StopDoingRules { get; }

    /// <summary>The rate relations whose three metrics this playbook defines (worked out once: every turn derives with them).</summary>
    internal ImmutableArray<RateRelation> RateRelations { get; }

    /// <summary>The B2B spokes in playbook order (empty when the playbook defines none).</summary>
    public ImmutableArray<SpokeDefinition> Spokes { get; init; } = [];

    /// <summary>The spoke with this id, or null.</summary>
    public SpokeDefinition? FindSpoke(string? id) => id is null ? null : Spokes.FirstOrDefault(s => s.Id == id);

    /// <summary>The spoke the activity belongs to for this audience: only senior decision-makers' flywheels have spokes.</summary>
    public SpokeDefinition? SpokeOf(ActivityDefinition activity, Audience audience) =>
        audience == Audience.Sdm ? FindSpoke(activity.Spoke) : null;

    /// <summary>The stage as the playbook describes it.</summary>
    public StageDefinition Stage(StageId id) => Stages.First(s => s.Id == id);

    /// <summary>The metric with this id (ids are case-sensitive, e.g. <c>monthly_visitors</c>); throws when unknown.</summary>
    public MetricDefinition Metric(string id) =>
        TryGetMetric(id, out var metric) ? metric : throw new KeyNotFoundException($"The playbook has no metric '{id}'.");

    public bool TryGetMetric(string id, out MetricDefinition metric) => metricsById.TryGetValue(id, out metric!);

    /// <summary>The activity with this id (e.g. <c>seo</c>); throws when unknown.</summary>
    public ActivityDefinition Activity(string id) =>
        TryGetActivity(id, out var activity) ? activity : throw new KeyNotFoundException($"The playbook has no activity '{id}'.");

    public bool TryGetActivity(string id, out ActivityDefinition activity) => activitiesById.TryGetValue(id, out activity!);

    /// <summary>Every metric that diagnoses the stage for the audience, in playbook order.</summary>
    public ImmutableArray<MetricDefinition> MetricsFor(Audience audience, StageId stage) =>
        metricsByStage.TryGetValue((audience, stage), out var found) ? found.All : [];

    /// <summary>
    /// The metrics an interview should ask for this stage and audience, most important first
    /// (those marked <c>ask</c> in the playbook).
    /// </summary>
    public ImmutableArray<MetricDefinition> DecidingMetrics(Audience audience, StageId stage) =>
        metricsByStage.TryGetValue((audience, stage), out var found) ? found.Deciding : [];

    /// <summary>Every deciding metric for the audience, stage by stage in flywheel order: the whole interview.</summary>
    public ImmutableArray<MetricDefinition> InterviewMetrics(Audience audience) =>
        [.. Stages.SelectMany(s => DecidingMetrics(audience, s.Id))];

    /// <summary>The first play for the audience and stage whose condition matches the situation.</summary>
    public Play SelectPlay(Audience audience, StageId stage, MarketAwareness awareness, Community community, IReadOnlySet<string>? weakMetrics = null)
    {
        var weak = weakMetrics ?? ImmutableHashSet<string>.Empty;
        return Plays.First(p => p.Audience == audience && p.Stage == stage && p.When.Matches(awareness, community, weak));
    }

    /// <summary>
    /// The ranked activities for the stage in this situation, best first, before gates are applied.
    /// <paramref name="weakMetrics"/> are the metric ids reported weak (they pick e.g. churn- vs activation-plays).
    /// </summary>
    public ImmutableArray<ActivityDefinition> TopActivities(
        Audience audience,
        StageId stage,
        MarketAwareness awareness = MarketAwareness.Established,
        Community community = Community.Unknown,
        IReadOnlySet<string>? weakMetrics = null) =>
        [.. SelectPlay(audience, stage, awareness, community, weakMetrics).Ranked.Select(Activity)];
}
