using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>"Why this?": the five stages in order with status and evidence, the bottleneck highlighted.</summary>
public sealed record StageWalkView(ImmutableArray<StageLine> Stages, string Reason) : ViewModel;
