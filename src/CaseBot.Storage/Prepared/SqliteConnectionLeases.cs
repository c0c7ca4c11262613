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

    public async Task<SqliteConnection> RentAsync(CancellationToken ct = default) =>
        _idle.TryTake(out var idle) ? idle : await OpenLongLivedAsync(connectionString, ct);

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
        if (connection.State == System.Data.ConnectionState.Open && _idle.Count < Kept && !InTransaction(connection))
        {
            _idle.Add(connection);
            return true;
        }
        connection.Dispose();
        return false;
    }

    private static bool InTransaction(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}
