namespace FlywheelBot.Storage;

/// <summary>
/// A version a record must still have when a commit happens (<see cref="IAtomicDocumentStore.CommitAsync"/>), without
/// writing it: <see cref="Version"/> n &gt; 0 is "the live record is still at version n", 0 is "still absent" (or expired).
/// </summary>
public sealed record DocumentCheck(string Collection, string Key, long Version);
