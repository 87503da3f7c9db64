namespace FlywheelBot.Storage;

/// <summary>
/// What an update with another record (<see cref="IVersionedStore.UpdateWithAsync{T, TRead}"/>) decided: the new value
/// of its record, and a change of the other record (null: leave it, only check it is still as read).
/// <see cref="Also"/>: more writes to store in the same commit (each with its own expectation: one that fails makes the
/// whole commit a conflict, and the update is applied again); <see cref="AlsoRead"/>: records to read in that commit after
/// the writes, handed to <see cref="Committed"/> once it succeeded (a store without <see cref="IAtomicDocumentStore"/>
/// writes and reads them one by one after the update).
/// </summary>
public sealed record PairedChange<T, TRead>(
    T Value,
    Func<TRead?, TRead>? ChangeRead = null,
    IReadOnlyList<DocumentWrite>? Also = null,
    IReadOnlyList<DocumentKey>? AlsoRead = null,
    Action<IReadOnlyList<StoredDocument?>>? Committed = null)
    where T : class
    where TRead : class;
