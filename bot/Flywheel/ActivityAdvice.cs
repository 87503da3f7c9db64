namespace FlywheelBot.Flywheel;

/// <summary>
/// An answer about one activity the team asks after ("what about LinkedIn ads?"), from the playbook: for whom it is,
/// which stage it works on, and how it fits this team's bottleneck (the recommendation, a gate, up- or downstream).
/// </summary>
public static class ActivityAdvice
{
    public static string Explain(Playbook playbook, string activityId, Diagnosis? diagnosis)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        if (!playbook.TryGetActivity(activityId, out var activity))
        {
            return $"I don't know \"{activityId}\".";
        }

        var title = RecommendationPicker.Title(playbook, activity.Id);
        var stage = FlywheelIds.Of(activity.Stage);
        var what = $"{title} works on {stage}: {activity.Why}";
        if (diagnosis is null)
        {
            return $"{what} Whether it is right for you now depends on where your flywheel is stuck: a few questions and I can say.";
        }

        var input = diagnosis.Input;
        var bottleneck = FlywheelIds.Of(diagnosis.Bottleneck.Stage);
        if (!activity.Suits(input.Audience))
        {
            var who = input.Audience == Audience.Sdm ? "senior decision-makers" : "end users";
            return $"{what} It is made for a different audience than yours ({who}), so it is not one for you.";
        }

        if (GateCheck.Blocking(playbook, input, activity.Id) is { } gate)
        {
            return $"{what} Not now: {gate.Reason}";
        }

        if (activity.Id == diagnosis.Recommendation.ActivityId)
        {
            return $"{what} It is exactly what I recommend for you now, because {bottleneck} is the stage holding you back.";
        }

        var ranked = playbook.Plays.Where(p => p.Audience == input.Audience && p.Stage == diagnosis.Bottleneck.Stage).SelectMany(p => p.Ranked).Distinct().ToList();
        var first = RecommendationPicker.Title(playbook, diagnosis.Recommendation.ActivityId);
        if (activity.Stage == diagnosis.Bottleneck.Stage)
        {
            var rank = ranked.IndexOf(activity.Id);
            var where = rank >= 0 ? $" it ranks number {rank + 1} for {bottleneck} in your situation" : $" it works on {bottleneck}";
            return $"{what} It is a fair second choice:{where}, after {first}. Start with that one and add this once it runs.";
        }

        return activity.Stage < diagnosis.Bottleneck.Stage
            ? $"{what} {Cap(stage)} is not your bottleneck ({bottleneck} is), so more of it would mostly pour people into a stage that leaks. Put the effort into {first} first."
            : $"{what} {Cap(stage)} comes after {bottleneck}, your bottleneck: until {bottleneck} works, too little reaches it to pay off. Put the effort into {first} first.";
    }

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
