namespace FlywheelBot.Flywheel;

/// <summary>Checks across sections that guarantee the engine always finds exactly one recommendation.</summary>
internal static class PlaybookChecks
{
    public static void CrossCheck(Playbook playbook, PlaybookJson json)
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            foreach (var stage in Enum.GetValues<StageId>())
            {
                CheckCoverage(playbook, json, audience, stage);
            }
        }

        for (var i = 0; i < playbook.Plays.Length; i++)
        {
            var play = playbook.Plays[i];
            var gated = play.Ranked.Where(id => playbook.Gates.Any(g => g.AppliesTo(play.Audience, id))).ToHashSet();
            if (play.Ranked.All(gated.Contains))
            {
                json.Problem(
                    PlaybookJson.Child(PlaybookJson.Item("$.plays", i), "ranked"),
                    $"every activity here can be blocked by a gate ({string.Join(", ", gated)}); add one that no gate blocks so there is always a recommendation");
            }
        }
    }

    private static void CheckCoverage(Playbook playbook, PlaybookJson json, Audience audience, StageId stage)
    {
        var plays = playbook.Plays
            .Select((play, index) => (play, index))
            .Where(p => p.play.Audience == audience && p.play.Stage == stage)
            .ToList();
        var catchAll = plays.FindIndex(p => p.play.When.IsAlways);
        if (catchAll < 0)
        {
            json.Problem(
                "$.plays",
                $"no default play (one without 'when') for audience {FlywheelIds.Of(audience)} at stage {FlywheelIds.Of(stage)}; every audience needs one per stage");
            return;
        }

        foreach (var (_, index) in plays.Skip(catchAll + 1))
        {
            json.Problem(
                PlaybookJson.Item("$.plays", index),
                $"can never be chosen: the default play for {FlywheelIds.Of(audience)} at {FlywheelIds.Of(stage)} at $.plays[{plays[catchAll].index}] comes first; move the default last");
        }
    }
}
