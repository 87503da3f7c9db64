namespace FlywheelBot.Tests.Storage;

/// <summary>A stored test value: a counter plus the ids of the updates that produced it.</summary>
internal sealed record Counter(int Value, string Note);
