using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// Open SQLite connections lent to one unit of work at a time and kept open between them, so the statements prepared
/// on them (<see cref="SqlitePreparedStatements"/>) serve message after message. At most <see cref="Kept"/> wait idle;
/// more are opened when more units of work run at once, and closed when they come back to a full shelf.
/// </summary>
internal sealed class SqliteConnectionLeases(string connectionString) : IDisposable
{
    private const int Kept = 16;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    // Foreign keys on, as EF Core turns them on for the connections it opens itself.
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();

    public async Task<SqliteConnection> RentAsync(CancellationToken ct = default)
    {
        if (_idle.TryTake(out var idle)) return idle;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            // A unit of work reads a few rows by index: SQLite's default 2 MB cache, no memory map. Kept connections
            // with the large cache reporting uses would hold tens of megabytes each (the RSS goal of issue #17).
            pragmas.CommandText = "PRAGMA cache_size = -2048; PRAGMA mmap_size = 0; PRAGMA temp_store = MEMORY;";
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        SqliteTuning.MarkTuned(connection); // EF Core must not apply the reporting settings when it sees it opened
        SqlitePreparedStatements.Enable(connection);
        return connection;
    }

    public SqliteConnection Rent() => RentAsync().GetAwaiter().GetResult(); // opening a local file does not block on I/O for long

    /// <summary>Back on the shelf; a connection still in a transaction (a unit of work that failed midway) is closed.</summary>
    public void Return(SqliteConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open && _idle.Count < Kept && !InTransaction(connection)) _idle.Add(connection);
        else connection.Dispose();
    }

    private static bool InTransaction(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}
