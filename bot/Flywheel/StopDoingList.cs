using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Which reported work to stop: anything a gate blocks now (e.g. referrals while NPS is negative), anything downstream
/// of a weak bottleneck (e.g. lead qualification with no leads) and the playbook's listed rules. Never the recommendation.
/// </summary>
internal static class StopDoingList
{
    public static ImmutableArray<StopDoing> Build(Playbook playbook, DiagnosisInput input, StageAssessment bottleneckStage, Bottleneck bottleneck, string recommended)
    {
        var weakBottleneck = !bottleneck.IsOptimisation && bottleneckStage.Status == StageStatus.Weak;
        var result = ImmutableArray.CreateBuilder<StopDoing>();
        foreach (var activity in playbook.Activities.Where(a => input.Doing.Contains(a.Id) && a.Id != recommended))
        {
            var reason = GateCheck.Blocking(playbook, input, activity.Id)?.Reason
                ?? playbook.StopDoingRules.Where(r => Applies(r, activity, input.Audience, bottleneck.Stage, weakBottleneck))
                    .Select(r => Fill(r.Why, activity, bottleneck.Stage, recommended))
                    .FirstOrDefault();
            if (reason is not null)
            {
                result.Add(new StopDoing(activity.Id, reason));
            }
        }

        return result.ToImmutable();
    }

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

    private static string Fill(string template, ActivityDefinition activity, StageId bottleneck, string recommended) =>
        template
            .Replace("{activity}", activity.Id, StringComparison.Ordinal)
            .Replace("{activityStage}", FlywheelIds.Of(activity.Stage), StringComparison.Ordinal)
            .Replace("{bottleneck}", FlywheelIds.Of(bottleneck), StringComparison.Ordinal)
            .Replace("{recommended}", recommended, StringComparison.Ordinal);
}
