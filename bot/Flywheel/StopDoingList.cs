using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Which reported work to stop and which keeps running. Stopped: work made for the other audience, anything a gate
/// blocks now (e.g. referrals while NPS is negative), and what the playbook's rules name (e.g. work downstream of a weak
/// bottleneck). Never stopped by those rules: the recommendation, and work on the bottleneck stage or cheap work the
/// playbook ranks for it. A team doing more than <see cref="FocusLimit"/> things gets a focus line and at most three keep
/// running: the recommendation, then that bottleneck work (cheap and proven first); the rest pauses.
/// </summary>
internal static class StopDoingList
{
    public const int FocusLimit = 5;

    public const int KeepAtMost = 3;

    public static (ImmutableArray<StopDoing> Stop, ImmutableArray<string> Keep, string? Focus) Build(
        Playbook playbook, DiagnosisInput input, StageAssessment bottleneckStage, Bottleneck bottleneck, string recommended)
    {
        var weakBottleneck = !bottleneck.IsOptimisation && bottleneckStage.Status == StageStatus.Weak;
        var doing = playbook.Activities.Where(a => input.Doing.Contains(a.Id)).ToList();
        var stop = new List<StopDoing>();
        var keep = new List<ActivityDefinition>();
        foreach (var activity in doing.Where(a => a.Id != recommended))
        {
            var reason = GateCheck.Blocking(playbook, input, activity.Id)?.Reason
                ?? OtherAudience(activity, input.Audience)
                ?? (Protected(playbook, activity, input.Audience, bottleneck.Stage)
                    ? null
                    : playbook.StopDoingRules.Where(r => Applies(r, activity, input.Audience, bottleneck.Stage, weakBottleneck))
                        .Select(r => Fill(r.Why, playbook, activity, bottleneck.Stage, recommended))
                        .FirstOrDefault());
            if (reason is not null)
            {
                stop.Add(new StopDoing(activity.Id, reason));
            }
            else
            {
                keep.Add(activity);
            }
        }

        if (doing.Count <= FocusLimit)
        {
            var kept = doing.Any(a => a.Id == recommended) ? keep.Prepend(playbook.Activity(recommended)) : keep;
            return ([.. stop], [.. kept.Select(a => a.Id)], null);
        }

        // Too much at once: the recommendation first, then cheap work the playbook ranks for the bottleneck, then the
        // rest of the bottleneck's work, up to three; everything else pauses.
        var focused = new List<string> { recommended };
        var rank = RankFor(playbook, input.Audience, bottleneck.Stage);
        var ordered = keep
            .OrderBy(a => CheapAndProven(playbook, a, input.Audience, bottleneck.Stage) ? 0 : a.Stage == bottleneck.Stage ? 1 : 2)
            .ThenBy(a => rank(a.Id));
        foreach (var activity in ordered)
        {
            if (focused.Count < KeepAtMost && Protected(playbook, activity, input.Audience, bottleneck.Stage))
            {
                focused.Add(activity.Id);
                continue;
            }

            var stage = FlywheelIds.Of(bottleneck.Stage);
            stop.Add(new StopDoing(activity.Id, Protected(playbook, activity, input.Audience, bottleneck.Stage)
                ? $"Paused for focus: it helps {stage} too, but three things at a time is what a team does well; add it back once the first three run."
                : $"Paused for focus: this work is not on {stage}, the stage holding you back; pick it up again once {stage} is healthy."));
        }

        var titles = BottleneckFinder.Join([.. focused.Select(id => RecommendationPicker.Title(playbook, id))]);
        var focus = $"You are doing {doing.Count} things at once. Doing everything is not a strategy: it burns people out and the budget with them. Keep {focused.Count} running, {titles}, and pause the rest.";
        var order = playbook.Activities.Select(a => a.Id).ToList();
        return ([.. stop.OrderBy(s => order.IndexOf(s.ActivityId))], [.. focused], focus);
    }

    /// <summary>
    /// Work on the bottleneck stage, or cheap work the playbook ranks for it: never paused by a stage rule, and the first
    /// to keep running when the team must focus.
    /// </summary>
    private static bool Protected(Playbook playbook, ActivityDefinition activity, Audience audience, StageId bottleneck) =>
        activity.Stage == bottleneck || CheapAndProven(playbook, activity, audience, bottleneck);

    private static bool CheapAndProven(Playbook playbook, ActivityDefinition activity, Audience audience, StageId bottleneck) =>
        activity.Effort == ActivityEffort.Low && playbook.Plays.Any(p => p.Audience == audience && p.Stage == bottleneck && p.Ranked.Contains(activity.Id));

    private static Func<string, int> RankFor(Playbook playbook, Audience audience, StageId stage)
    {
        var ranked = playbook.Plays.Where(p => p.Audience == audience && p.Stage == stage).SelectMany(p => p.Ranked).Distinct().ToList();
        return id => ranked.IndexOf(id) is var i and >= 0 ? i : int.MaxValue;
    }

    private static string? OtherAudience(ActivityDefinition activity, Audience audience) => activity.Suits(audience)
        ? null
        : $"Made for {Who(activity.Audiences[0])}, and your marketing speaks to {Who(audience)}: it cannot move your flywheel.";

    private static string Who(Audience audience) => audience == Audience.Sdm ? "senior decision-makers" : "end users";

    private static bool Applies(StopDoingRule rule, ActivityDefinition activity, Audience audience, StageId bottleneck, bool weakBottleneck)
    {
        if (!weakBottleneck || !(rule.Audiences.IsEmpty || rule.Audiences.Contains(audience)) || (rule.Bottleneck is { } stage && stage != bottleneck))
        {
            return false;
        }

        return rule.Downstream
            ? activity.Stage > bottleneck && !rule.Keep.Contains(activity.Id)
            : rule.Activities.Contains(activity.Id);
    }

    private static string Fill(string template, Playbook playbook, ActivityDefinition activity, StageId bottleneck, string recommended) =>
        template
            .Replace("{activity}", RecommendationPicker.Title(playbook, activity.Id), StringComparison.Ordinal)
            .Replace("{activityStage}", FlywheelIds.Of(activity.Stage), StringComparison.Ordinal)
            .Replace("{bottleneck}", FlywheelIds.Of(bottleneck), StringComparison.Ordinal)
            .Replace("{recommended}", RecommendationPicker.Title(playbook, recommended), StringComparison.Ordinal);
}
