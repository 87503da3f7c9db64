using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>The conversation's view of the engine: the playbook's deciding metrics, its value parser, its diagnosis.</summary>
internal sealed class PlaybookGuide : IFlywheelGuide
{
    private readonly DiagnosisEngine engine;

    // The questions of every audience and stage, made once: the interview asks for them on every turn.
    private readonly Dictionary<(Audience, StageId), ImmutableArray<MetricQuestion>> deciding = [];

    // The activity choices and the doing question of every audience, made once (the same question object each time,
    // so equal views of it compare equal and their renders can be shared).
    private readonly Dictionary<Audience, (ImmutableArray<(string Id, string Name)> Choices, BasicQuestion Question)> doing = [];

    public PlaybookGuide(DiagnosisEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        Activities = new ActivityPhrases(engine.Playbook.Activities.SelectMany(a => Phrases(a).Select(p => (p, a.Id))));
        foreach (var audience in Enum.GetValues<Audience>())
        {
            ImmutableArray<(string Id, string Name)> choices = [.. Playbook.Activities.Where(a => a.Suits(audience)).Select(a => (a.Id, ShortName(a)))];
            doing[audience] = (choices, BasicQuestions.Doing(choices));
            foreach (var stage in Enum.GetValues<StageId>())
            {
                deciding[(audience, stage)] = [.. engine.Playbook.DecidingMetrics(audience, stage).Select(m => ToQuestion(m, audience))];
            }
        }
    }

    public Playbook Playbook => engine.Playbook;

    public ImmutableArray<MetricQuestion> DecidingMetrics(Audience audience, StageId stage) =>
        deciding.TryGetValue((audience, stage), out var questions) ? questions : [];

    public MetricNames MetricNames => Playbook.MetricNames;

    public MetricQuestion? FindMetric(string metricId) =>
        Playbook.TryGetMetric(metricId, out var metric) ? ToQuestion(metric, null) : null;

    public MetricQuestion? FindMetric(string metricId, Audience audience) =>
        Playbook.TryGetMetric(metricId, out var metric) ? ToQuestion(metric, audience) : null;

    public bool TryParseValue(MetricQuestion metric, string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var result = MetricValueParser.Parse(Playbook.Metric(metric.Id), text);
        value = result.Value ?? 0m;
        return result.IsSuccess;
    }

    public Diagnosis Diagnose(DiagnosisInput input) => engine.Diagnose(input);

    public ActivityPhrases Activities { get; }

    public ImmutableHashSet<string> Derivable(IReadOnlyDictionary<string, decimal> reported) => MetricDerivation.Derivable(Playbook, reported);

    public ImmutableDictionary<string, decimal> Report(ImmutableDictionary<string, decimal> reported, string metricId, decimal value) =>
        MetricDerivation.Update(Playbook, reported, metricId, value);

    public ImmutableArray<(string Id, string Name)> ActivityChoices(Audience audience) => doing[audience].Choices;

    public BasicQuestion DoingQuestion(Audience audience) => doing[audience].Question;

    public string AboutActivity(string activityId, Diagnosis? diagnosis) => ActivityAdvice.Explain(Playbook, activityId, diagnosis);

    public StageStatus StatusOf(DiagnosisInput input, StageId stage) => engine.StatusOf(input, stage);

    public StageId? FirstWeakStage(DiagnosisInput input) => engine.FirstWeakStage(input);

    public string ActivityTitle(string activityId) =>
        Playbook.TryGetActivity(activityId, out var activity) ? activity.Title : activityId;

    public ImmutableArray<string> TopActivities(Audience audience, StageId stage) =>
        Playbook.Plays.Any(p => p.Audience == audience && p.Stage == stage)
            ? [.. Playbook.TopActivities(audience, stage).Select(a => a.Title)]
            : [];

    /// <summary>"PR", "SEO", "Analyst relations": the title up to its colon when that is short, else the whole title.</summary>
    private static string ShortName(ActivityDefinition activity)
    {
        var colon = activity.Title.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and <= 30 ? activity.Title[..colon] : activity.Title;
    }

    private static IEnumerable<string> Phrases(ActivityDefinition activity)
    {
        yield return activity.Id.Replace('-', ' ');
        var colon = activity.Title.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 30)
        {
            yield return activity.Title[..colon];
        }

        foreach (var alias in activity.Aliases)
        {
            yield return alias;
        }
    }

    private static MetricQuestion ToQuestion(MetricDefinition metric, Audience? audience) => new(
        metric.Id,
        audience is { } a ? metric.LabelFor(a) : metric.Label,
        audience is { } b ? metric.QuestionFor(b) : metric.Question,
        metric.Unit switch
        {
            MetricUnit.Percent => "%",
            MetricUnit.PerMonth => "per month",
            MetricUnit.Hours => "hours",
            _ => "score",
        },
        metric.Min,
        metric.Max);
}
