using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Views.Images;

/// <summary>Builds the flywheel picture of a diagnosis (and the goal's progress, when the team has a goal): the seam every channel uses.</summary>
public static class WheelPictures
{
    public static WheelPicture From(Diagnosis diagnosis, Playbook playbook, GoalProgress? goal)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentNullException.ThrowIfNull(playbook);
        var stages = diagnosis.Stages
            .OrderBy(s => s.Stage)
            .Select(s => new WheelStage(s.Stage, playbook.Stage(s.Stage).Title, s.Status))
            .ToImmutableArray();
        return new WheelPicture(stages, diagnosis.Bottleneck.Stage, diagnosis.Bottleneck.IsOptimisation, goal is null ? null : Goal(playbook, goal));
    }

    public static WheelGoal Goal(Playbook playbook, GoalProgress progress)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(progress);
        var metric = playbook.Metric(progress.Goal.MetricId);
        var target = $"{MetricText.Value(metric, progress.Goal.Target)} by {progress.Goal.By.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)}";
        var now = progress.Current is { } value
            ? progress.Reached ? $"reached: {MetricText.Value(metric, value)}" : $"now {MetricText.Value(metric, value)}"
            : null;
        return new WheelGoal(metric.Label, target, now, progress.Fraction);
    }

    /// <summary>The flywheel picture as PNG bytes with its alt text.</summary>
    public static RenderedImage Render(WheelPicture picture) => FlywheelWheelImage.Render(picture);
}
