using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>"Why this?": the five stages in order with status and evidence, the bottleneck highlighted.</summary>
public sealed record StageWalkView(ImmutableArray<StageLine> Stages, string Reason) : ViewModel
{
    /// <summary>The flywheel as a picture (stages by status, the bottleneck marked, the goal in the centre), or null.</summary>
    public Images.RenderedImage? Wheel { get; init; }
}
