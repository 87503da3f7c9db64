using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Chooses the one activity for the bottleneck: a route gate when it applies (the end-user product gate), otherwise
/// the highest-ranked activity of the matching play that no gate blocks and that is not about raising a metric the team
/// already has healthy (only when every candidate is, the top one is kept as an optimisation). The target is relative
/// to the team (<see cref="TeamTarget"/>).
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
            var others = play.Ranked.Where(id => id != routed.Id).Select(id => Title(playbook, id)).ToList();
            var beats = others.Count == 0 ? $" {route.Reason}" : $" It comes before {BottleneckFinder.Join(others)} because a gate applies. {route.Reason}";
            return new ActivityChoice(routed, Build(playbook, input, routed, $"{routed.Why}{beats}"), []);
        }

        var blocked = new List<(ActivityDefinition Activity, Gate Gate)>();
        var open = new List<ActivityDefinition>();
        foreach (var activity in play.Ranked.Select(playbook.Activity))
        {
            var checks = GateCheck.For(playbook, input, activity.Id).ToList();
            if (checks.FirstOrDefault(c => c.Blocks) is { } block)
            {
                blocked.Add((activity, block.Gate));
                continue;
            }

            open.Add(activity);
        }

        // A validated playbook always leaves one activity per play that no gate blocks; this keeps the engine total anyway.
        var healthy = open.Where(a => TeamTarget.AlreadyHealthy(playbook, input, a)).ToList();
        var chosen = open.FirstOrDefault(a => !healthy.Contains(a)) ?? open.FirstOrDefault() ?? playbook.Activity(play.Ranked[0]);
        foreach (var check in GateCheck.For(playbook, input, chosen.Id).Where(c => c.Assumed && !c.Blocks && c.Gate.Assumption is not null))
        {
            assumptions.Add(new MissingMetric(check.Gate.BlockWhen!.MetricId, check.Gate.Assumption!));
        }

        var skipped = healthy.Where(a => a.Id != chosen.Id && play.Ranked.IndexOf(a.Id) < play.Ranked.IndexOf(chosen.Id)).ToList();
        var alternatives = open.Where(a => a.Id != chosen.Id && !skipped.Contains(a)).Select(a => Title(playbook, a.Id)).ToList();
        // The play's reason speaks for its top choice; when that one was passed over as already healthy it no longer fits.
        var why = skipped.Count == 0 ? chosen.Why + " " + play.Why : chosen.Why;
        if (alternatives.Count > 0)
        {
            var verb = alternatives.Count == 1 ? "ranks" : "rank";
            why += $" It beats {BottleneckFinder.Join(alternatives)}, which {verb} lower for {Situation(input, stage.Stage)}.";
        }

        foreach (var group in skipped.GroupBy(a => a.MetricId))
        {
            var metric = playbook.Metric(group.Key);
            var value = MetricText.Value(metric, input.Metrics[metric.Id]);
            why += $" Not {BottleneckFinder.Join([.. group.Select(a => Title(playbook, a.Id))])}: your {TeamTarget.Plain(metric.LabelFor(input.Audience)).ToLowerInvariant()} is already healthy at {value}.";
        }

        // Work the team already does is ruled out in the stop-doing list, with the same reason: said once, there.
        foreach (var group in blocked.Where(b => !input.Doing.Contains(b.Activity.Id)).GroupBy(b => b.Gate.Id))
        {
            why += $" Ruled out: {BottleneckFinder.Join([.. group.Select(b => Title(playbook, b.Activity.Id))])}. {group.First().Gate.Reason}";
        }

        if (input.Doing.Contains(chosen.Id))
        {
            why += " You already do this: keep at it and judge it against the target below before adding anything else.";
        }

        return new ActivityChoice(chosen, Build(playbook, input, chosen, why), assumptions.ToImmutable());
    }

    /// <summary>An activity's title quoted for a sentence (ids are for machines, titles for people).</summary>
    public static string Title(Playbook playbook, string activityId) =>
        playbook.TryGetActivity(activityId, out var activity) ? $"\u201C{activity.Title}\u201D" : activityId;

    private static Recommendation Build(Playbook playbook, DiagnosisInput input, ActivityDefinition activity, string why)
    {
        var (target, current, value) = TeamTarget.For(playbook, input, activity);
        return new Recommendation(activity.Id, activity.Title, why, activity.FirstStep, activity.MetricId, target, activity.ReviewInDays)
        {
            CurrentValue = current,
            TargetValue = value,
            Spoke = SpokeLink.For(playbook, activity, input.Audience),
        };
    }

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
