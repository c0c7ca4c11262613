using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// Microsoft.Data.Sqlite compiles a statement again for every new command (efcore#14044), and EF Core makes a new
/// command for every query: on the message path compiling the SQL cost as much as running it. On a connection that
/// lives long (<see cref="SqliteConnectionLeases"/>) each statement text keeps one prepared command, reused with the
/// new parameter values; EF Core's own command is then not executed. Other connections are left alone.
/// </summary>
public sealed class SqlitePreparedStatements : DbCommandInterceptor
{
    public static readonly SqlitePreparedStatements Instance = new();
    private const int PerConnection = 64; // statements kept per connection; the message path uses about twenty
    private static readonly ConditionalWeakTable<SqliteConnection, Cache> Caches = new();
    private static readonly ConditionalWeakTable<DbDataReader, SqliteCommand> Reading = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Tally> ByFile = new();

    /// <summary>Lets <paramref name="connection"/> keep prepared statements (it must stay open for its lifetime).</summary>
    public static void Enable(SqliteConnection connection) =>
        Caches.AddOrUpdate(connection, new Cache(ByFile.GetOrAdd(connection.DataSource, _ => new Tally())));

    /// <summary>On all the long-lived connections to one database file: statements compiled, runs that reused one,
    /// and statements run without the cache (several in one text); for tests and benchmarks.</summary>
    public static (long Compiled, long Reused, long Unprepared) Totals(string dataSource) =>
        ByFile.TryGetValue(dataSource, out var t) ? (Interlocked.Read(ref t.Compiled), Interlocked.Read(ref t.Reused), Interlocked.Read(ref t.Unprepared)) : (0, 0, 0);

    private sealed class Tally
    {
        public long Compiled, Reused, Unprepared;
    }

    public static bool IsEnabled(DbConnection connection) => connection is SqliteConnection c && Caches.TryGetValue(c, out _);

    /// <summary>Statements compiled and runs that reused one, on this connection (for tests and benchmarks).</summary>
    public static (long Compiled, long Reused) Counts(SqliteConnection connection) =>
        Caches.TryGetValue(connection, out var cache) ? cache.Counts : (0, 0);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        if (result.HasResult || Prepared(command) is not { } prepared) return result;
        DbDataReader reader;
        try { reader = await prepared.ExecuteReaderAsync(CommandBehavior.Default, ct); }
        catch { Release(prepared); throw; }
        Reading.AddOrUpdate(reader, prepared);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || Prepared(command) is not { } prepared) return result;
        DbDataReader reader;
        try { reader = prepared.ExecuteReader(CommandBehavior.Default); }
        catch { Release(prepared); throw; }
        Reading.AddOrUpdate(reader, prepared);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (result.HasResult || Prepared(command) is not { } prepared) return result;
        try { return InterceptionResult<int>.SuppressWithResult(await prepared.ExecuteNonQueryAsync(ct)); }
        finally { Release(prepared); }
    }

    /// <summary>The reader is done: its statement may run again.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Reading.TryGetValue(eventData.DataReader, out var prepared))
        {
            eventData.DataReader.Dispose(); // resets the statement; the command keeps it compiled
            Reading.Remove(eventData.DataReader);
            Release(prepared);
        }
        return result;
    }

    /// <summary>The connection's prepared command for this text with this command's parameters and transaction;
    /// null where the connection keeps none, or the statement is already running (a reader still open).</summary>
    private static SqliteCommand? Prepared(DbCommand command)
    {
        if (command.Connection is not SqliteConnection connection || !Caches.TryGetValue(connection, out var cache)) return null;
        if (IsBatch(command.CommandText))
        {
            cache.Unprepared();
            return null;
        }
        var prepared = cache.Rent(connection, command.CommandText);
        if (prepared is null) return null;
        prepared.Transaction = (SqliteTransaction?)command.Transaction;
        prepared.CommandTimeout = command.CommandTimeout;
        prepared.Parameters.Clear();
        foreach (SqliteParameter p in command.Parameters)
            // Not Size: read back it is the value's length or 0, and set it truncates text (0 would bind '').
            prepared.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value) { SqliteType = p.SqliteType });
        return prepared;
    }

    /// <summary>Several statements in one text (EF Core's batched saves) vary with every save: not worth keeping.</summary>
    private static bool IsBatch(string sql) => sql.AsSpan().TrimEnd().TrimEnd(';').Contains(';');

    private static void Release(SqliteCommand prepared)
    {
        if (prepared.Connection is { } c && Caches.TryGetValue(c, out var cache)) cache.Release(prepared);
    }

    /// <summary>One connection's statements, the least recently used dropped past <see cref="PerConnection"/>.
    /// A connection serves one unit of work at a time; the lock guards against misuse, not contention.</summary>
    private sealed class Cache(Tally tally)
    {
        private readonly Dictionary<string, LinkedListNode<(string Sql, SqliteCommand Command)>> _bySql = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Sql, SqliteCommand Command)> _recent = new();
        private readonly HashSet<SqliteCommand> _running = [];
        private long _compiled, _reused;

        public (long, long) Counts => (Interlocked.Read(ref _compiled), Interlocked.Read(ref _reused));

        public SqliteCommand? Rent(SqliteConnection connection, string sql)
        {
            lock (_recent)
            {
                if (_bySql.TryGetValue(sql, out var node))
                {
                    if (!_running.Add(node.Value.Command)) return null;
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    _reused++;
                    Interlocked.Increment(ref tally.Reused);
                    return node.Value.Command;
                }
                var command = connection.CreateCommand();
                command.CommandText = sql;
                _bySql[sql] = _recent.AddFirst((sql, command));
                _running.Add(command);
                _compiled++;
                Interlocked.Increment(ref tally.Compiled);
                while (_recent.Count > PerConnection && _recent.Last is { } last && !_running.Contains(last.Value.Command))
                {
                    _recent.RemoveLast();
                    _bySql.Remove(last.Value.Sql);
                    last.Value.Command.Dispose();
                }
                return command;
            }
        }

        public void Unprepared() => Interlocked.Increment(ref tally.Unprepared);

        public void Release(SqliteCommand command)
        {
            lock (_recent) _running.Remove(command);
        }
    }
}
