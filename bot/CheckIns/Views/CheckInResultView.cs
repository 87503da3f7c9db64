using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>The answer to a check-in: what changed since the last snapshot and the (possibly new) recommendation.</summary>
public sealed record CheckInResultView(
    ImmutableArray<string> Changes,
    StageId Bottleneck,
    bool IsOptimisation,
    Recommendation Recommendation,
    ImmutableArray<StopDoing> StopDoing) : ViewModel
{
    private readonly ImmutableArray<string> notes = [];

    /// <summary>The wheel's momentum, the goal's progress and each running campaign's progress, one sentence each.</summary>
    public ImmutableArray<string> Notes
    {
        get => notes.IsDefault ? [] : notes;
        init => notes = value;
    }
}
