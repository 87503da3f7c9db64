using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Picks the stage that holds the wheel back: awareness when the market is new, else the earliest weak stage, else
/// (nothing weak) the stage furthest from its benchmark as an optimisation, else awareness for lack of data.
/// </summary>
internal static class BottleneckFinder
{
    public static Bottleneck Find(Playbook playbook, DiagnosisInput input, ImmutableArray<StageAssessment> stages)
    {
        if (input.Awareness == MarketAwareness.New)
        {
            var others = stages.Where(s => s.Stage != StageId.Awareness && s.Status == StageStatus.Weak).Select(s => FlywheelIds.Of(s.Stage)).ToList();
            var also = others.Count == 0 ? string.Empty : $" {Join(others)} also look weak, but they cannot recover before awareness does.";
            return new Bottleneck(
                StageId.Awareness,
                "Your market awareness is new: nobody knows you yet, so awareness comes first and nothing downstream works without it." + also,
                IsOptimisation: false);
        }

        var weak = stages.FirstOrDefault(s => s.Status == StageStatus.Weak);
        if (weak is not null)
        {
            var assumed = stages.TakeWhile(s => s.Stage < weak.Stage).Where(s => s.Status == StageStatus.Unknown).Select(s => FlywheelIds.Of(s.Stage)).ToList();
            var assumption = assumed.Count == 0 ? string.Empty : $" Earlier stages without data ({Join(assumed)}) are assumed to work.";
            var evidence = string.Join(" ", weak.Evidence.Where(e => e.Verdict == StageStatus.Weak).Select(e => e.Text));
            var later = stages.Where(s => s.Stage > weak.Stage && s.Status == StageStatus.Weak).Select(s => FlywheelIds.Of(s.Stage)).ToList();
            var next = later.Count == 0 ? string.Empty : $" {Join(later)} also {(later.Count == 1 ? "looks" : "look")} weak; fix the wheel in order, this stage first.";
            return new Bottleneck(weak.Stage, $"{playbook.Stage(weak.Stage).Title} is the earliest weak stage. {evidence}{assumption}{next}", IsOptimisation: false);
        }

        var scored = stages
            .Select(s => (s.Stage, Verdict: StageAssessor.Verdicts(playbook, input, s.Stage).OrderBy(v => v.Score).FirstOrDefault()))
            .Where(s => s.Verdict is not null)
            .OrderBy(s => s.Verdict!.Score)
            .ThenBy(s => s.Stage)
            .ToList();
        if (scored.Count > 0)
        {
            var (stage, verdict) = scored[0];
            return new Bottleneck(
                stage,
                $"Nothing reported is weak, so this is an optimisation, not a fire: {playbook.Stage(stage).Title.ToLowerInvariant()} is the furthest from its benchmark. {verdict!.Sentence()}",
                IsOptimisation: true);
        }

        return new Bottleneck(
            StageId.Awareness,
            "No metrics reported yet, so the advice starts where the wheel starts: awareness. Answer the missing metrics to sharpen it.",
            IsOptimisation: false);
    }

    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
