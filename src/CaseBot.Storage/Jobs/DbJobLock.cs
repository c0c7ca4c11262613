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
        db.JobClaims.Add(new JobClaim { Job = job, Occurrence = occurrence, Instance = Instance, ClaimedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Lost the race (duplicate key) unless the row is missing, which would be a real failure.
            await using var check = await contexts.CreateDbContextAsync(ct);
            if (await check.JobClaims.AnyAsync(c => c.Job == job && c.Occurrence == occurrence, ct)) return false;
            throw;
        }
    }
}
