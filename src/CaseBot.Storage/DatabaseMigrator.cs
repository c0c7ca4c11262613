using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage;

/// <summary>Applies pending migrations at start-up and sets SQLite up for a long-running writer.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<CaseBotDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (capaian queries) run while a report is being written; survives power loss after commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);
        }
    }
}
