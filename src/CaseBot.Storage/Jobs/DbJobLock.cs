using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.Jobs;

/// <summary>
/// Claims by inserting a <see cref="JobClaim"/> row: the primary key (job, occurrence) lets exactly one insert win,
/// on PostgreSQL between servers and on SQLite between processes on one file. A claim is kept, not released, so an
/// instance whose clock is a little late cannot run the same occurrence again after the first one finished.
/// </summary>
public sealed class DbJobLock(IDbContextFactory<CaseBotDbContext> contexts, TimeProvider clock) : IJobLock
{
    /// <summary>Who claimed: machine, process and a random part, for the record.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<bool> TryClaimAsync(string job, DateTimeOffset occurrence, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Both SQLite and PostgreSQL know ON CONFLICT DO NOTHING: the loser inserts nothing, without an error.
        // Times are stored as unix milliseconds (see CaseBotDbContext).
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobClaims" ("Job", "Occurrence", "Instance", "ClaimedAt") VALUES ({job}, {occurrence.ToUnixTimeMilliseconds()}, {Instance}, {clock.GetUtcNow().ToUnixTimeMilliseconds()}) ON CONFLICT DO NOTHING""",
            ct);
        return claimed == 1;
    }
}
