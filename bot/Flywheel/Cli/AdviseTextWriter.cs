namespace FlywheelBot.Flywheel.Cli;

/// <summary>Writes a diagnosis for a person reading a terminal: the one thing to do first, then the detail.</summary>
internal static class AdviseTextWriter
{
    public static void Write(Diagnosis diagnosis, Playbook playbook, TextWriter output)
    {
        var r = diagnosis.Recommendation;
        var stage = playbook.Stage(diagnosis.Bottleneck.Stage).Title;
        output.WriteLine(diagnosis.Bottleneck switch
        {
            { IsOptimisation: true } => $"Optimise: {stage} (nothing is on fire)",
            { Status: StageStatus.Watch } => $"On watch: {stage} (nothing is weak; the earliest stage short of its benchmark)",
            _ => $"Bottleneck: {stage}",
        });
        output.WriteLine($"  {diagnosis.Bottleneck.Reason}");
        output.WriteLine();
        output.WriteLine($"Do this next: {r.Title} [{r.ActivityId}]");
        output.WriteLine($"  Why: {r.Why}");
        output.WriteLine($"  First step this week: {r.FirstStep}");
        output.WriteLine($"  Watch: {r.MetricToWatch}. Target: {r.Target}");
        if (!diagnosis.Warnings.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Check these numbers:");
            foreach (var warning in diagnosis.Warnings)
            {
                output.WriteLine($"  - {warning.Text}");
            }
        }

        output.WriteLine($"  Review in {r.ReviewInDays} days.");
        if (r.Spoke is { } spoke)
        {
            output.WriteLine($"  {spoke.Sentence}");
        }

        output.WriteLine();
        output.WriteLine("Stages:");
        foreach (var s in diagnosis.Stages)
        {
            output.WriteLine($"  {FlywheelIds.Of(s.Stage),-11} {FlywheelIds.Of(s.Status),-8} {s.Evidence.FirstOrDefault(e => e.Verdict == s.Status)?.Text}");
        }

        if (diagnosis.Focus is { } focus)
        {
            output.WriteLine();
            output.WriteLine($"Focus: {focus}");
        }

        if (!diagnosis.StopDoing.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Stop doing:");
            foreach (var group in diagnosis.StopDoing.GroupBy(s => s.Why, StringComparer.Ordinal))
            {
                output.WriteLine($"  - {string.Join(", ", group.Select(s => s.ActivityId))}: {group.Key}");
            }
        }

        if (!diagnosis.Missing.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Would sharpen this advice:");
            foreach (var missing in diagnosis.Missing)
            {
                output.WriteLine($"  - {missing.MetricId}: {missing.Assumption}");
            }
        }
    }
}
