namespace FlywheelBot.Flywheel;

/// <summary>
/// The stable JSON shape of a diagnosis (<c>advise --json</c>): wire ids as in FLYWHEEL.md, camelCase names.
/// Add fields at the end; never rename or remove one.
/// </summary>
public sealed record DiagnosisDocument(
    string Audience,
    string Awareness,
    string Community,
    DiagnosisDocument.BottleneckPart Bottleneck,
    DiagnosisDocument.RecommendationPart Recommendation,
    IReadOnlyList<DiagnosisDocument.StagePart> Stages,
    IReadOnlyList<DiagnosisDocument.StopDoingPart> StopDoing,
    IReadOnlyList<DiagnosisDocument.MissingPart> Missing,
    IReadOnlyList<DiagnosisDocument.WarningPart> Warnings,
    string? Focus,
    IReadOnlyList<string> KeepDoing)
{
    public static DiagnosisDocument From(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var r = diagnosis.Recommendation;
        return new DiagnosisDocument(
            FlywheelIds.Of(diagnosis.Input.Audience),
            FlywheelIds.Of(diagnosis.Input.Awareness),
            FlywheelIds.Of(diagnosis.Input.Community),
            new BottleneckPart(FlywheelIds.Of(diagnosis.Bottleneck.Stage), diagnosis.Bottleneck.Reason, diagnosis.Bottleneck.IsOptimisation, FlywheelIds.Of(diagnosis.Bottleneck.Status)),
            new RecommendationPart(r.ActivityId, r.Title, r.Why, r.FirstStep, r.MetricToWatch, r.Target, r.ReviewInDays,
                r.Spoke is { } spoke ? new SpokePart(spoke.Id, spoke.Title, spoke.FeedsId, spoke.How) : null,
                r.CurrentValue,
                r.TargetValue),
            [.. diagnosis.Stages.Select(s => new StagePart(
                FlywheelIds.Of(s.Stage),
                FlywheelIds.Of(s.Status),
                [.. s.Evidence.Select(e => new EvidencePart(e.MetricId, e.Value, FlywheelIds.Of(e.Verdict), e.Text))]))],
            [.. diagnosis.StopDoing.Select(s => new StopDoingPart(s.ActivityId, s.Why))],
            [.. diagnosis.Missing.Select(m => new MissingPart(m.MetricId, m.Assumption))],
            [.. diagnosis.Warnings.Select(w => new WarningPart(w.Metrics, w.Text))],
            diagnosis.Focus,
            diagnosis.KeepDoing);
    }

    public sealed record BottleneckPart(string Stage, string Reason, bool IsOptimisation, string Status);

    /// <summary><see cref="Spoke"/> is null for end users (their flywheel has no B2B spokes). <see cref="CurrentValue"/> is the
    /// team's value of the metric to watch and <see cref="TargetValue"/> the target number (null when unknown).</summary>
    public sealed record RecommendationPart(
        string Activity, string Title, string Why, string FirstStep, string MetricToWatch, string Target, int ReviewInDays, SpokePart? Spoke = null, decimal? CurrentValue = null, decimal? TargetValue = null);

    /// <summary>The recommendation's B2B spoke and the spoke it feeds next.</summary>
    public sealed record SpokePart(string Id, string Title, string Feeds, string How);

    public sealed record StagePart(string Id, string Status, IReadOnlyList<EvidencePart> Evidence);

    public sealed record EvidencePart(string Metric, decimal? Value, string Verdict, string Text);

    public sealed record StopDoingPart(string Activity, string Why);

    public sealed record MissingPart(string Metric, string Assumption);

    public sealed record WarningPart(IReadOnlyList<string> Metrics, string Text);
}
