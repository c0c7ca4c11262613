using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.GroupCommit;

/// <summary>
/// SQLite has one writer at a time and each commit waits for the disk (synchronous=FULL). One writer here commits every
/// unit of work waiting at that moment in one transaction, each inside a savepoint of its own: a failing unit of work
/// (a concurrency conflict, a constraint) rolls back to its savepoint and fails alone, the others commit together with
/// one sync. Every caller learns the outcome only after the commit, so a reply is still only sent once its data is durable.
/// </summary>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate;
    private readonly Channel<Work> _waiting = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private SqliteConnection? _connection;
    private long _commits, _units;

    /// <param name="gate">Held around each batch: writers that do not come through here queue on it too (see EfCaseStore).</param>
    public SqliteGroupCommit(string connectionString, SemaphoreSlim gate)
    {
        _connectionString = connectionString;
        _gate = gate;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Transactions committed and units of work they held (a benchmark and a test read the ratio).</summary>
    public (long Commits, long Units) Counts => (Interlocked.Read(ref _commits), Interlocked.Read(ref _units));

    /// <summary>Runs <paramref name="write"/> (the context's SaveChanges and whatever else the unit of work writes)
    /// in the next group transaction; completes after that transaction committed, or throws what failed.</summary>
    public Task SaveAsync(DbContext db, Func<Task> write)
    {
        var work = new Work(db, write);
        if (!_waiting.Writer.TryWrite(work)) throw new ObjectDisposedException(nameof(SqliteGroupCommit));
        return work.Done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Work>();
        while (await _waiting.Reader.WaitToReadAsync())
        {
            while (_waiting.Reader.TryRead(out var work)) batch.Add(work);
            await _gate.WaitAsync();
            try { await CommitAsync(batch); }
            finally { _gate.Release(); }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Work> batch)
    {
        var saved = new List<Work>(batch.Count);
        try
        {
            _connection ??= await Prepared.SqliteConnectionLeases.OpenLongLivedAsync(_connectionString); // the same few writes, batch after batch
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(); // BEGIN IMMEDIATE
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "u" + i;
                await transaction.SaveAsync(savepoint);
                try
                {
                    await SaveOneAsync(batch[i], transaction);
                    await transaction.ReleaseAsync(savepoint);
                    saved.Add(batch[i]);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackAsync(savepoint);
                    await transaction.ReleaseAsync(savepoint);
                    batch[i].Done.TrySetException(ex);
                }
            }
            await transaction.CommitAsync();
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _units, saved.Count);
            foreach (var work in saved) work.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            // The commit itself failed (disk full, I/O): nothing of the batch is written, and every caller hears so.
            foreach (var work in batch) work.Done.TrySetException(ex);
            if (_connection is not null) await _connection.DisposeAsync();
            _connection = null; // a fresh connection for the next batch
        }
    }

    /// <summary>The context writes through the writer's connection and transaction, then gets a connection of its own
    /// back (it may read again after the commit).</summary>
    private static async Task SaveOneAsync(Work work, SqliteTransaction transaction)
    {
        var database = work.Db.Database;
        var (previous, own) = (database.GetDbConnection(), database.GetConnectionString());
        database.SetDbConnection(transaction.Connection, contextOwnsConnection: false);
        try
        {
            await database.UseTransactionAsync(transaction);
            database.AutoSavepointsEnabled = false; // the unit of work's savepoint is ours
            await work.Write();
        }
        finally
        {
            await database.UseTransactionAsync(null);
            database.AutoSavepointsEnabled = true;
            // A lent connection goes back to the context; one the context owned was closed when replaced: a new one.
            if (Prepared.SqlitePreparedStatements.IsEnabled(previous)) database.SetDbConnection(previous, contextOwnsConnection: false);
            else database.SetDbConnection(new SqliteConnection(own), contextOwnsConnection: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _writer;
        if (_connection is not null) await _connection.DisposeAsync();
    }

    private sealed record Work(DbContext Db, Func<Task> Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
