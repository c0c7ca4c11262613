using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseBot.Storage;

/// <summary>
/// Per-connection SQLite settings: a larger page cache and memory-mapped reads, so capaian aggregates over a
/// million reports read pages from memory instead of one system call per page (the default cache is 2 MB).
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();
    private const string Pragmas = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
