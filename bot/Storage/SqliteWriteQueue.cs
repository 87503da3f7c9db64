using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace FlywheelBot.Storage;

/// <summary>
/// The one writer of a SQLite file in this process (group commit). SQLite admits one writer per file, so instead of
/// every turn queueing on a lock and paying for its own commit, writes are queued here and one loop runs whatever is
/// waiting, up to <see cref="MaxBatch"/> writes, in a single <c>BEGIN IMMEDIATE</c> transaction on its own connection,
/// then commits once. A write's task completes only after the commit that holds it: an answered turn is on disk.
/// Each write is a synchronous function of the writer session, so it can be run again: when one of a batch fails the
/// batch is rolled back and its writes are run one by one, each in its own transaction, so a failure only reaches the
/// write that caused it. No network I/O ever happens under this queue.
/// </summary>
internal sealed class SqliteWriteQueue : IDisposable
{
    public const int MaxBatch = 64;

    private readonly Channel<IQueuedWrite> _queue = Channel.CreateUnbounded<IQueuedWrite>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly Func<SqliteSession> _open;
    private readonly Action<int>? _committed;
    private readonly Task _loop;
    private SqliteSession? _session;
    private Action<SqliteSession>? _betweenCommits;
    private long _commits;

    /// <param name="open">Opens the writer's connection (again after a failure).</param>
    /// <param name="committed">Told, on the writer's thread after each commit, how many writes it held.</param>
    public SqliteWriteQueue(Func<SqliteSession> open, Action<int>? committed = null)
    {
        _open = open;
        _committed = committed;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>How many transactions the queue has committed (for tests: batches hold several writes under load).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues <paramref name="write"/>; the task completes once it is committed (or with its failure).</summary>
    public Task<T> RunAsync<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var queued = new QueuedWrite<T>(write, cancellationToken);
        return _queue.Writer.TryWrite(queued)
            ? queued.Task
            : Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriteQueue)));
    }

    /// <summary>
    /// Has the writer run <paramref name="action"/> on its connection, outside any transaction, before the next writes
    /// it takes (a request made again before that replaces this one). For work that would hold writes off anyway (a
    /// checkpoint that restarts the WAL): run here, it does not have to win the write lock from the writer.
    /// </summary>
    public void BetweenCommits(Action<SqliteSession> action) => Volatile.Write(ref _betweenCommits, action);

    /// <summary>Stops taking writes, finishes the queued ones and closes the writer connection.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(30));
        _session?.Dispose();
        _session = null;
    }

    private async Task LoopAsync()
    {
        var batch = new List<IQueuedWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (Interlocked.Exchange(ref _betweenCommits, null) is { } action && TryOpen(out var session, out _))
            {
                action(session);
            }

            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                if (!queued.CancelIfRequested())
                {
                    batch.Add(queued);
                }
            }

            if (batch.Count > 0)
            {
                Execute(batch);
                batch.Clear();
            }
        }
    }

    private void Execute(List<IQueuedWrite> batch)
    {
        if (batch.Count > 1 && TryOpen(out var session, out _) && TryRunTogether(session, batch))
        {
            return;
        }

        foreach (var queued in batch)
        {
            if (TryOpen(out var alone, out var failure))
            {
                RunAlone(alone, queued);
            }
            else
            {
                queued.Fail(failure);
            }
        }
    }

    private bool TryOpen(out SqliteSession session, out Exception failure)
    {
        try
        {
            session = _session ??= _open();
            failure = null!;
            return true;
        }
        catch (Exception exception)
        {
            session = null!;
            failure = exception;
            return false;
        }
    }

    /// <summary>All writes in one transaction; false (and nothing written) when any of them or the commit failed.</summary>
    private bool TryRunTogether(SqliteSession session, List<IQueuedWrite> batch)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = session.Connection.BeginTransaction(deferred: false);
            session.Transaction = transaction;
            foreach (var queued in batch)
            {
                queued.Run(session);
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception)
        {
            // Whichever write failed, none of the batch is kept: they run again one by one.
            Rollback(session, transaction);
            return false;
        }
        finally
        {
            session.Transaction = null;
            transaction?.Dispose();
        }

        foreach (var queued in batch)
        {
            queued.Complete();
        }

        _committed?.Invoke(batch.Count);
        return true;
    }

    private void RunAlone(SqliteSession session, IQueuedWrite queued)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = session.Connection.BeginTransaction(deferred: false);
            session.Transaction = transaction;
            queued.Run(session);
            transaction.Commit();
            Interlocked.Increment(ref _commits);
            queued.Complete();
        }
        catch (Exception exception)
        {
            Rollback(session, transaction);
            queued.Fail(exception);
            return;
        }
        finally
        {
            session.Transaction = null;
            transaction?.Dispose();
        }

        _committed?.Invoke(1);
    }

    private void Rollback(SqliteSession session, SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (Exception)
        {
            // The connection is in a state we cannot trust: open a fresh one for the next write.
            session.Dispose();
            _session = null;
        }
    }

    private interface IQueuedWrite
    {
        /// <summary>Completes the write as cancelled when its caller gave up before it ran; true when it did.</summary>
        bool CancelIfRequested();

        void Run(SqliteSession session);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _done.TrySetCanceled(cancellationToken);

        public void Run(SqliteSession session) => _result = write(session);

        public void Complete() => _done.TrySetResult(_result);

        public void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
