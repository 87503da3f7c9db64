namespace FlywheelBot.Flywheel;

/// <summary>How one gate judges one activity for one input: blocked or not, and whether a missing metric was assumed.</summary>
internal sealed record GateCheck(Gate Gate, bool Blocks, bool Assumed)
{
    public static IEnumerable<GateCheck> For(Playbook playbook, DiagnosisInput input, string activityId) =>
        playbook.Gates.Where(g => g.AppliesTo(input.Audience, activityId)).Select(g => Judge(g, input));

    public static Gate? Blocking(Playbook playbook, DiagnosisInput input, string activityId) =>
        For(playbook, input, activityId).FirstOrDefault(c => c.Blocks)?.Gate;

    private static GateCheck Judge(Gate gate, DiagnosisInput input)
    {
        if (gate.BlockWhen is not { } when)
        {
            return new GateCheck(gate, Blocks: true, Assumed: false);
        }

        return input.Metrics.TryGetValue(when.MetricId, out var value)
            ? new GateCheck(gate, when.IsMetBy(value), Assumed: false)
            : new GateCheck(gate, gate.BlockIfMissing, Assumed: true);
    }
}
