namespace FlywheelBot.Flywheel;

/// <summary>
/// A spoke of a B2B marketing flywheel (senior decision-maker audiences): a group of activities that feeds the next
/// spoke (<see cref="Feeds"/>), as the flywheel-effect article describes: product marketing feeds thought leadership,
/// thought leadership brings partners, partners widen coverage for demand generation, demand generation brings
/// customers back to product marketing. <see cref="How"/> says in one sentence how it feeds the next one.
/// </summary>
public sealed record SpokeDefinition(string Id, string Title, string Summary, string Feeds, string How, string Source);
