using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// Open SQLite connections lent to one unit of work at a time and kept open between them, so the statements prepared
/// on them (<see cref="SqlitePreparedStatements"/>) serve message after message. At most <see cref="Kept"/> are lent at
/// once: a burst of users waits its turn (there is one writer anyway) instead of opening a connection each, which
/// the connection pool then kept with its memory (a 256-user burst left some 70 MB). A unit that waits too long (a
/// unit of work holding one lease and asking for another, were there one) gets a connection of its own, closed after.
/// </summary>
/// <param name="longestWait">How long a unit waits for its turn before it gets a connection of its own (5 s).</param>
public sealed class SqliteConnectionLeases(string connectionString, TimeSpan? longestWait = null) : IDisposable
{
    public const int Kept = 16;
    private readonly TimeSpan _longestWait = longestWait ?? TimeSpan.FromSeconds(5);
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly SemaphoreSlim _turns = new(Kept, Kept);
    private readonly ConcurrentDictionary<SqliteConnection, bool> _beyond = new();

    public async Task<SqliteConnection> RentAsync(CancellationToken ct = default)
    {
        if (!await _turns.WaitAsync(_longestWait, ct))
        {
            var extra = await OpenLongLivedAsync(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString(), ct);
            _beyond[extra] = true;
            return extra;
        }
        try { return _idle.TryTake(out var idle) ? idle : await OpenLongLivedAsync(connectionString, ct); }
        catch
        {
            _turns.Release();
            throw;
        }
    }

    /// <summary>
    /// A connection opened outside EF Core to stay open (lent ones, the group writer's): foreign keys on, as EF Core
    /// turns them on for the connections it opens; SQLite's default 2 MB cache and no memory map, since a unit of work
    /// reads or writes a few rows by index (the large cache reporting uses, kept open on many connections, would hold
    /// tens of megabytes each); its statements kept compiled.
    /// </summary>
    public static async Task<SqliteConnection> OpenLongLivedAsync(string connectionString, CancellationToken ct = default)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString());
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA cache_size = -2048; PRAGMA mmap_size = 0; PRAGMA temp_store = MEMORY;";
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        SqlitePreparedStatements.Enable(connection);
        return connection;
    }

    public SqliteConnection Rent() => RentAsync().GetAwaiter().GetResult(); // opening a local file does not block on I/O for long

    /// <summary>Back on the shelf; a connection still in a transaction (a unit of work that failed midway) is closed.</summary>
    /// <returns>Whether it was kept.</returns>
    public bool Return(SqliteConnection connection)
    {
        if (_beyond.TryRemove(connection, out _))
        {
            connection.Dispose();
            return false;
        }
        try
        {
            if (connection.State == System.Data.ConnectionState.Open && !InTransaction(connection))
            {
                _idle.Add(connection);
                return true;
            }
            connection.Dispose();
            return false;
        }
        finally { _turns.Release(); }
    }

    private static bool InTransaction(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}
