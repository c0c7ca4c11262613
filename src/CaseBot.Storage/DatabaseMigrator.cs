using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage;

/// <summary>Applies pending migrations at start-up, sets SQLite up for a long-running writer and builds the capaian
/// rollups the first time.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<CaseBotDbContext> contexts)
{
    /// <param name="buildRollups">Whether to build the capaian rollups if they never were (not when rebuilding them next anyway).</param>
    public async Task MigrateAsync(CancellationToken ct = default, bool buildRollups = true)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL: EF's migration lock is a table lock that ends with the session, even if the process dies.
            await db.Database.MigrateAsync(ct);
            if (buildRollups) await Rollups.RollupRebuild.IfNeverBuiltAsync(db, ct: ct);
            return;
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        using (await FileLock.AcquireAsync(file + ".migrate-lock", ct))
        {
            // EF's SQLite migration lock is a row in __EFMigrationsLock, left behind for ever when a process is killed
            // while holding it (every later start would hang). Holding the file lock, which the OS releases when a
            // process dies, we are the only one migrating: any such row is stale.
            await ClearStaleEfLockAsync(db, ct);
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        }
        // WAL lets readers (capaian queries) run while a report is being written. FULL makes a commit survive power
        // loss; it is per connection, and also the bundled SQLite's default for the engine's own (a test checks).
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);
        // A database from before the capaian rollups (or a fresh one) gets them built once, so upgrading needs no step.
        if (buildRollups) await Rollups.RollupRebuild.IfNeverBuiltAsync(db, ct: ct);
    }

    private static async Task ClearStaleEfLockAsync(CaseBotDbContext db, CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<long>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(ct);
        if (exists > 0) await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", ct);
    }

    /// <summary>An exclusive lock on a file beside the database (flock on Unix): held by one process at a time and
    /// released by the OS when that process ends, however it ends.</summary>
    private sealed class FileLock(FileStream stream) : IDisposable
    {
        public static async Task<FileLock> AcquireAsync(string path, CancellationToken ct)
        {
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    await Task.Delay(100, ct); // another process is migrating
                }
            }
        }

        public void Dispose() => stream.Dispose();
    }
}
