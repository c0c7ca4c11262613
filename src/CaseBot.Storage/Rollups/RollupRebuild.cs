using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.Rollups;

/// <summary>
/// Recomputes every rollup bucket from the raw rows, a month per transaction (old databases, bulk imports, the copy to
/// PostgreSQL), then marks the rollups built. Writers may go on meanwhile: each month is replaced under the same
/// per-kabupaten locks their refreshes take. A month's day rows come from the refresher's own grouped query (so the
/// two count the same rows the same way), its month and kabupaten rows from the refresher's sum of them; all are
/// written in bulk (<see cref="RollupBulkInsert"/>), which the refresher's few rows per write do not need.
/// </summary>
public static class RollupRebuild
{
    /// <summary>The advisory lock (as a kabupaten name no kabupaten has) that guards the built marker.</summary>
    private const string MarkerLock = "*rollups built*";

    /// <summary>Builds the rollups if they never were (a database from before them): run at start, after migrating.</summary>
    public static async Task<bool> IfNeverBuiltAsync(CaseBotDbContext db, TextWriter? progress = null, CancellationToken ct = default)
    {
        if (await db.RollupStates.AnyAsync(ct)) return false;
        await RunAsync(db, progress, ct);
        return true;
    }

    /// <returns>How many rollup rows were written.</returns>
    public static async Task<int> RunAsync(CaseBotDbContext db, TextWriter? progress = null, CancellationToken ct = default)
    {
        var dates = new List<DateOnly>();
        foreach (var q in new[] { db.Events.Select(e => (DateOnly?)e.EventDate), db.Aid.Select(a => (DateOnly?)a.Date), db.Cases.Select(c => (DateOnly?)c.ReportedOn) })
        {
            if (await q.MinAsync(ct) is { } min) dates.Add(min);
            if (await q.MaxAsync(ct) is { } max) dates.Add(max);
        }
        var kabupaten = (await db.Events.Select(e => e.Kabupaten).Distinct().ToListAsync(ct))
            .Concat(await db.Aid.Select(a => a.Kabupaten).Distinct().ToListAsync(ct))
            .Concat(await db.Cases.Select(c => c.Kabupaten).Distinct().ToListAsync(ct))
            .Concat(await db.EventRollups.Select(r => r.Kabupaten).Distinct().ToListAsync(ct)).Distinct().ToList();
        var written = 0;
        DateOnly? first = dates.Count == 0 ? null : RollupSpan.MonthOf(dates.Min()), last = dates.Count == 0 ? null : RollupSpan.MonthOf(dates.Max());
        await InTransactionAsync(db, kabupaten, async () =>
        {
            // Rows outside the months that hold reports (all of them when none do) are stale.
            var (from, to) = (first ?? DateOnly.MaxValue, last?.AddMonths(1) ?? DateOnly.MinValue);
            await db.EventRollups.Where(r => r.Start < from || r.Start >= to).ExecuteDeleteAsync(ct);
            await db.AidRollups.Where(r => r.Start < from || r.Start >= to).ExecuteDeleteAsync(ct);
            await db.CaseRollups.Where(r => r.Start < from || r.Start >= to).ExecuteDeleteAsync(ct);
        }, ct);
        for (var month = first; month is { } m && m <= last; month = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            await InTransactionAsync(db, kabupaten, async () =>
            {
                await db.EventRollups.Where(r => r.Start >= m && r.Start <= end).ExecuteDeleteAsync(ct);
                await db.AidRollups.Where(r => r.Start >= m && r.Start <= end).ExecuteDeleteAsync(ct);
                await db.CaseRollups.Where(r => r.Start >= m && r.Start <= end).ExecuteDeleteAsync(ct);
                var days = await RollupRefresher.DayRowsAsync(db, new CountedRows(null, null, m, end), ct);
                var all = days.All.ToList();
                var months = RollupRefresher.Sum(all, r => (RollupGrain.Month, m, r.Kabupaten, r.Kecamatan));
                var kabupatenDays = RollupRefresher.Sum(all, r => (RollupGrain.Day, r.Start, r.Kabupaten, IRollupRow.WholeKabupaten));
                var kabupatenMonths = RollupRefresher.Sum(all, r => (RollupGrain.Month, m, r.Kabupaten, IRollupRow.WholeKabupaten));
                foreach (var set in new[] { days, months, kabupatenDays, kabupatenMonths })
                {
                    await RollupBulkInsert.InsertAsync(db, set, ct);
                    written += set.All.Count();
                }
            }, ct);
            progress?.WriteLine($"{m:yyyy-MM}: {written} rows so far");
        }
        // Under a lock of its own: two instances starting at once on one PostgreSQL both rebuild, and both mark.
        await InTransactionAsync(db, [MarkerLock], async () =>
        {
            if (!await db.RollupStates.AnyAsync(ct)) db.RollupStates.Add(new RollupState { Id = 1, BuiltAt = DateTimeOffset.UtcNow });
            else (await db.RollupStates.SingleAsync(ct)).BuiltAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(ct);
        }, ct);
        return written;
    }

    private static async Task InTransactionAsync(CaseBotDbContext db, IEnumerable<string> kabupaten, Func<Task> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RollupRefresher.LockAsync(db, kabupaten, ct);
        await work();
        await transaction.CommitAsync(ct);
    }
}
