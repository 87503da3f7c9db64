namespace FlywheelBot.Storage;

/// <summary>
/// An insert-if-absent that the current flow of work has promised but not yet stored: it rides with the flow's next
/// <see cref="IAtomicDocumentStore.CommitAsync(AtomicCommit, CancellationToken)"/> on the same store, in the same
/// transaction, instead of costing a round trip of its own. A turn's claim of its event id is one (see
/// <c>TurnStart</c>): an interview turn that changes the conversation stores the claim with the change, in one commit.
/// </summary>
/// <remarks>
/// <para>The flow is the async flow that <see cref="Enter"/> runs in (an <see cref="AsyncLocal{T}"/>): work started
/// from it, awaited or not, sees the same insert. The stores call <see cref="CommitAsync"/> from their atomic commit and
/// <see cref="SettleCurrentAsync"/> before a write that cannot carry it (a lone put or delete), so nothing the flow
/// writes is stored before the insert; the flow's owner settles it before anything leaves the process (a reply).</para>
/// <para>When a commit carrying it fails, the insert's key is read: a record there means another flow inserted it
/// first (for a claim: a redelivery of the event), and <see cref="DeferredInsertTakenException"/> is thrown, now and at
/// every later write of this flow, so nothing of the flow is stored. Otherwise another expectation of the commit
/// failed; the insert stays pending and rides with the retry. Commits of one flow that race each other take turns
/// (one gate per insert), so the insert is stored once.</para>
/// </remarks>
internal sealed class DeferredInsert
{
    private static readonly AsyncLocal<DeferredInsert?> Flow = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _store;
    private readonly Action? _stored;
    private State _state;

    /// <param name="store">The store the insert belongs to; commits on any other store do not carry it.</param>
    /// <param name="write">The insert: a write with <see cref="DocumentWrite.ExpectedVersion"/> 0.</param>
    /// <param name="stored">Called once when a commit has stored it.</param>
    public DeferredInsert(IAtomicDocumentStore store, DocumentWrite write, Action? stored = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(write);
        if (write.ExpectedVersion != 0)
        {
            throw new ArgumentException("A deferred insert must expect the record to be absent (ExpectedVersion 0).", nameof(write));
        }

        _store = store;
        _stored = stored;
        Write = write;
    }

    private enum State
    {
        Pending,
        Stored,
        Taken,
        Abandoned,
    }

    public DocumentWrite Write { get; }

    /// <summary>True once a commit stored it (by this flow).</summary>
    public bool Stored => _state == State.Stored;

    /// <summary>The insert of the current flow, if any.</summary>
    public static DeferredInsert? Current => Flow.Value;

    /// <summary>Makes <paramref name="insert"/> the current flow's (null: none) until the returned scope is disposed.</summary>
    public static Scope Enter(DeferredInsert? insert)
    {
        var previous = Flow.Value;
        Flow.Value = insert;
        return new Scope(previous);
    }

    /// <summary>
    /// Stores the current flow's insert alone if it is still pending (one commit); nothing when there is none or it is
    /// stored. Throws <see cref="DeferredInsertTakenException"/> when another flow inserted it first.
    /// </summary>
    public static Task SettleCurrentAsync(CancellationToken cancellationToken) =>
        Flow.Value is { } insert ? insert.SettleAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>What <see cref="SettleCurrentAsync"/> does, for a store's writes that cannot carry the insert.</summary>
    public static Task SettleCurrentAsync(object store, CancellationToken cancellationToken) =>
        Flow.Value is { } insert && ReferenceEquals(insert._store, store) ? insert.SettleAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Gives the insert up (it will not be stored by this flow any more): for a flow whose work failed before anything
    /// of it was stored, so a later attempt of the same work can insert it. False when it was already stored or taken.
    /// </summary>
    public async Task<bool> AbandonAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_state != State.Pending)
            {
                return false;
            }

            _state = State.Abandoned;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A store's atomic commit: <paramref name="commit"/> with the current flow's pending insert (for this store) as its
    /// first write, through <paramref name="core"/>; the result is the commit's own (the insert's version left out).
    /// </summary>
    public static async Task<CommitResult?> CommitAsync(
        IAtomicDocumentStore store,
        AtomicCommit commit,
        Func<AtomicCommit, CancellationToken, Task<CommitResult?>> core,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(core);
        if (Flow.Value is not { } insert || !ReferenceEquals(insert._store, store) || insert._state is State.Stored or State.Abandoned)
        {
            return await CoreAsync(commit, core, cancellationToken);
        }

        await insert._gate.WaitAsync(cancellationToken);
        try
        {
            switch (insert._state)
            {
                case State.Taken:
                    throw new DeferredInsertTakenException(insert.Write);
                case State.Stored or State.Abandoned:
                    return await CoreAsync(commit, core, cancellationToken);
            }

            var result = await core(commit with { Writes = [insert.Write, .. commit.Writes] }, cancellationToken);
            if (result is not null)
            {
                insert._state = State.Stored;
                insert._stored?.Invoke();
                return new CommitResult(result.Versions.Skip(1).ToArray(), result.Read);
            }

            await insert.CheckTakenAsync(cancellationToken);
            return null;
        }
        finally
        {
            insert._gate.Release();
        }
    }

    /// <summary>The commit as it is; an empty one (a settle that found nothing left to carry) stores and reads nothing.</summary>
    private static Task<CommitResult?> CoreAsync(AtomicCommit commit, Func<AtomicCommit, CancellationToken, Task<CommitResult?>> core, CancellationToken cancellationToken) =>
        commit.Writes.Count + commit.Checks.Count + commit.Ensured.Count + commit.Reads.Count == 0
            ? Task.FromResult<CommitResult?>(new CommitResult([], []))
            : core(commit, cancellationToken);

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        // An empty commit through the store's hook carries the insert alone. A failure whose key is then found empty
        // (the other flow's record expired or was given back meanwhile) leaves it pending: try again.
        for (var attempt = 1; _state != State.Stored && _state != State.Abandoned; attempt++)
        {
            if (_state == State.Taken)
            {
                throw new DeferredInsertTakenException(Write);
            }

            if (attempt > SettleAttempts)
            {
                throw new StoreConflictException(Write.Collection, SettleAttempts);
            }

            await ((IAtomicDocumentStore)_store).CommitAsync(Nothing, cancellationToken);
        }
    }

    private const int SettleAttempts = 3;

    private static readonly AtomicCommit Nothing = new([], [], [], []);

    /// <summary>After a failed commit that carried the insert: taken when its key now holds a live record.</summary>
    private async Task CheckTakenAsync(CancellationToken cancellationToken)
    {
        var found = await ((IDocumentStore)_store).GetAsync(Write.Collection, Write.Key, cancellationToken);
        if (found is not null)
        {
            _state = State.Taken;
            throw new DeferredInsertTakenException(Write);
        }
    }

    /// <summary>Restores the flow's previous insert.</summary>
    public readonly struct Scope(DeferredInsert? previous) : IDisposable
    {
        public void Dispose() => Flow.Value = previous;
    }
}

/// <summary>A <see cref="DeferredInsert"/>'s record was inserted by another flow first (for a turn's claim: a redelivery).</summary>
internal sealed class DeferredInsertTakenException : Exception
{
    public DeferredInsertTakenException()
    {
    }

    public DeferredInsertTakenException(string message)
        : base(message)
    {
    }

    public DeferredInsertTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeferredInsertTakenException(DocumentWrite write)
        : base($"The record {write?.Collection}/{write?.Key} was inserted by another flow first; nothing of this flow was stored.")
    {
        Write = write;
    }

    public DocumentWrite? Write { get; }
}
