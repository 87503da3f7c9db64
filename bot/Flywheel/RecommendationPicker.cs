using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Chooses the one activity for the bottleneck: a route gate when it applies (the end-user product gate), otherwise
/// the highest-ranked activity of the matching play that no gate blocks.
/// </summary>
internal static class RecommendationPicker
{
    public static ActivityChoice Pick(Playbook playbook, DiagnosisInput input, StageAssessment stage, IReadOnlySet<string> weakMetrics)
    {
        var play = playbook.SelectPlay(input.Audience, stage.Stage, input.Awareness, input.Community, weakMetrics);
        var assumptions = ImmutableArray.CreateBuilder<MissingMetric>();
        if (input.Community == Community.Unknown && play.When.Community.Contains(Community.Unknown) && play.Assumption is { } assumed)
        {
            assumptions.Add(new MissingMetric("community", assumed));
        }

        var route = playbook.Routes.FirstOrDefault(r =>
            r.Stage == stage.Stage && stage.Status == StageStatus.Weak && (r.Audiences.IsEmpty || r.Audiences.Contains(input.Audience)));
        if (route is not null)
        {
            var routed = playbook.Activity(route.ActivityId);
            var others = play.Ranked.Where(id => id != routed.Id).ToList();
            var beats = others.Count == 0 ? $" {route.Reason}" : $" It comes before {BottleneckFinder.Join(others)} because a gate applies. {route.Reason}";
            return new ActivityChoice(routed, Build(playbook, input, routed, $"{routed.Why}{beats}"), []);
        }

        var blocked = new List<(ActivityDefinition Activity, Gate Gate)>();
        ActivityDefinition? chosen = null;
        foreach (var activity in play.Ranked.Select(playbook.Activity))
        {
            var checks = GateCheck.For(playbook, input, activity.Id).ToList();
            foreach (var check in checks.Where(c => c.Assumed && !c.Blocks && c.Gate.Assumption is not null))
            {
                assumptions.Add(new MissingMetric(check.Gate.BlockWhen!.MetricId, check.Gate.Assumption!));
            }

            if (checks.FirstOrDefault(c => c.Blocks) is { } block)
            {
                blocked.Add((activity, block.Gate));
                continue;
            }

            chosen = activity;
            break;
        }

        // A validated playbook always leaves one activity per play that no gate blocks; this keeps the engine total anyway.
        chosen ??= playbook.Activity(play.Ranked[0]);
        foreach (var later in play.Ranked.SkipWhile(id => id != chosen.Id).Skip(1).Select(playbook.Activity))
        {
            if (GateCheck.Blocking(playbook, input, later.Id) is { } gate)
            {
                blocked.Add((later, gate));
            }
        }

        var alternatives = play.Ranked.Where(id => id != chosen.Id && blocked.All(b => b.Activity.Id != id)).ToList();
        var why = chosen.Why + " " + play.Why;
        if (alternatives.Count > 0)
        {
            var verb = alternatives.Count == 1 ? "ranks" : "rank";
            why += $" It beats {BottleneckFinder.Join(alternatives)}, which {verb} lower for {Situation(input, stage.Stage)}.";
        }

        foreach (var (activity, gate) in blocked)
        {
            why += $" Ruled out: {activity.Id}. {gate.Reason}";
        }

        if (input.Doing.Contains(chosen.Id))
        {
            why += " You already do this: keep at it and judge it against the target below before adding anything else.";
        }

        return new ActivityChoice(chosen, Build(playbook, input, chosen, why), assumptions.ToImmutable());
    }

    private static Recommendation Build(Playbook playbook, DiagnosisInput input, ActivityDefinition activity, string why) =>
        new(activity.Id, activity.Title, why, activity.FirstStep, activity.MetricId, activity.Target, activity.ReviewInDays)
        {
            Spoke = SpokeLink.For(playbook, activity, input.Audience),
        };

    private static string Situation(DiagnosisInput input, StageId stage)
    {
        var who = input.Audience == Audience.Sdm ? "senior decision-makers" : "end users";
        var market = input.Awareness == MarketAwareness.Emerging || input.Awareness == MarketAwareness.Established
            ? $"an {FlywheelIds.Of(input.Awareness)} market"
            : $"a {FlywheelIds.Of(input.Awareness)} market";
        var community = input.Audience == Audience.EndUser && input.Community != Community.Unknown
            ? input.Community == Community.Yes ? " with a user community" : " without a user community"
            : string.Empty;
        return $"{FlywheelIds.Of(stage)} with {who} in {market}{community}";
    }
}
