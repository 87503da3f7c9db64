namespace FlywheelBot.Storage;

/// <summary>Where a record lives: its collection and its key.</summary>
public readonly record struct DocumentKey(string Collection, string Key);
