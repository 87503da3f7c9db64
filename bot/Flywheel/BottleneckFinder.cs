using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Picks the stage that holds the wheel back: awareness when the market is new, else the earliest weak stage, else the
/// earliest stage on watch (between the weak line and the benchmark), else (everything healthy) the stage furthest from
/// its benchmark as an optimisation, else awareness for lack of data.
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

        var watch = stages.FirstOrDefault(s => s.Status == StageStatus.Watch);
        if (watch is not null)
        {
            var assumed = stages.TakeWhile(s => s.Stage < watch.Stage).Where(s => s.Status == StageStatus.Unknown).Select(s => FlywheelIds.Of(s.Stage)).ToList();
            var assumption = assumed.Count == 0 ? string.Empty : $" Earlier stages without data ({Join(assumed)}) are assumed to work.";
            var evidence = string.Join(" ", watch.Evidence.Where(e => e.Verdict == StageStatus.Watch).Select(e => e.Text));
            return new Bottleneck(
                watch.Stage,
                $"Nothing reported is weak, but {playbook.Stage(watch.Stage).Title.ToLowerInvariant()} is the earliest stage short of its healthy benchmark, so it is the one to lift before it slips. {evidence}{assumption}",
                IsOptimisation: false)
            { Status = StageStatus.Watch };
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
                $"Everything reported is healthy, so this is an optimisation, not a fire: {playbook.Stage(stage).Title.ToLowerInvariant()} has the smallest lead over its benchmark. {verdict!.Sentence()}",
                IsOptimisation: true);
        }

        return new Bottleneck(
            StageId.Awareness,
            "No metrics reported yet, so the advice starts where the wheel starts: awareness. Answer the missing metrics to sharpen it.",
            IsOptimisation: false)
        { Status = StageStatus.Unknown };
    }

    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
