using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MallPortal.Core.Data;

/// <summary>
/// Runs a hot write (a checkout) in a transaction and commits it, sharing transactions and commits between the writes
/// that arrive together. A flash sale sends every checkout at one stock row. On SQLite there is one writer at a time, and
/// a busy connection waits inside SQLite's busy handler, which blocks a thread and polls (up to 100 ms between tries); on
/// PostgreSQL each checkout holds the row's lock from its conditional UPDATE to its commit, so the checkouts queue on
/// the lock one commit (one sync to disk) at a time, and 64 waiting connections time out. So the writes queue here
/// without a thread, and the ones waiting together run one after another in one transaction, each inside its own
/// savepoint (one that fails undoes only itself), under one commit (group commit). Every caller still learns its own
/// outcome only after that commit. Several app instances each have their own gate; their batches take turns on a row.
/// </summary>
/// <remarks>A work must not call <see cref="WriteAsync{T}"/> itself (it would wait for a batch that waits for it).</remarks>
public sealed class WriteGate(IDbContextFactory<MallDbContext> contexts)
{
    /// <summary>Enough to share a commit widely, small enough that the first caller of a batch does not wait long.</summary>
    private const int MaxBatch = 64;

    private readonly Lock _lock = new();
    private readonly Queue<Pending> _queue = new();
    private bool _writing;

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> inside a write transaction and commits; an exception from it
    /// rolls back its writes and reaches the caller. The context is lent the batch's connection: after this call it must
    /// not be used for the database again.
    /// </summary>
    public async Task<T> WriteAsync<T>(MallDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new Pending(db, async ct => await work(ct), cancellationToken);
        bool lead;
        lock (_lock)
        {
            _queue.Enqueue(pending);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }
        return (T)(await pending.Done.Task)!;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = [];
                while (_queue.Count > 0 && batch.Count < MaxBatch)
                {
                    batch.Add(_queue.Dequeue());
                }
            }
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var results = new List<(Pending Pending, object? Result)>();
        try
        {
            await using var shared = await contexts.CreateDbContextAsync(CancellationToken.None);
            await shared.Database.OpenConnectionAsync(CancellationToken.None);
            await using var transaction = await shared.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var pending in batch)
            {
                if (await RunAsync(shared, transaction, pending) is { } ran)
                {
                    results.Add((pending, ran.Result));
                }
            }
            if (results.Count > 0)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The batch could not begin or commit: none of its writes happened.
            results.ForEach(r => r.Pending.Done.TrySetException(ex));
            batch.ForEach(p => p.Done.TrySetException(ex));
            return;
        }
        results.ForEach(r => r.Pending.Done.TrySetResult(r.Result));
    }

    /// <summary>One work in its savepoint on the batch's connection; null when it failed (its caller has the exception).</summary>
    private static async Task<Ran?> RunAsync(MallDbContext shared, IDbContextTransaction transaction, Pending pending)
    {
        const string Savepoint = "gate";
        try
        {
            pending.Db.Database.SetDbConnection(shared.Database.GetDbConnection(), contextOwnsConnection: false);
            await pending.Db.Database.UseTransactionAsync(transaction.GetDbTransaction(), CancellationToken.None);
            await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
            return null;
        }
        Exception? failure = null;
        try
        {
            var result = await pending.Work(pending.CancellationToken);
            await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            return new Ran(result);
        }
        catch (Exception ex)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            failure = ex;
            return null;
        }
        finally
        {
            await pending.Db.Database.UseTransactionAsync(null, CancellationToken.None);
            // Told only now: the caller leaves (and disposes its context) as soon as it knows, so the context is
            // given back first.
            if (failure is not null)
            {
                pending.Done.TrySetException(failure);
            }
        }
    }

    private sealed record Pending(MallDbContext Db, Func<CancellationToken, Task<object?>> Work, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Ran(object? Result);
}
