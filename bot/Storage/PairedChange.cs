namespace FlywheelBot.Storage;

/// <summary>
/// What an update with another record (<see cref="IVersionedStore.UpdateWithAsync{T, TRead}"/>) decided: the new value
/// of its record, and a change of the other record (null: leave it, only check it is still as read).
/// </summary>
public sealed record PairedChange<T, TRead>(T Value, Func<TRead?, TRead>? ChangeRead = null)
    where T : class
    where TRead : class;
