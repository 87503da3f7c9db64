namespace FlywheelBot.Storage;

/// <summary>One schema step. Versions only ever grow; a released step is never edited, only followed by a new one.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
