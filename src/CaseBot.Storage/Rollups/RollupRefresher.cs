using Microsoft.EntityFrameworkCore;

namespace CaseBot.Storage.Rollups;

/// <summary>The three kinds of rollup row of some buckets.</summary>
internal sealed record RollupSet(List<EventRollup> Events, List<AidRollup> Aid, List<CaseRollup> Cases)
{
    public IEnumerable<IRollupRow> All => Events.Cast<IRollupRow>().Concat(Aid).Concat(Cases);
}

/// <summary>
/// Recomputes buckets of the rollups from the raw rows (never by increments, so they stay exact by construction):
/// each touched kecamatan-day from <see cref="CountedRows"/>, then in SQL (<see cref="RollupSql"/>) that kecamatan's
/// month from its day rows and the kabupaten-level day and month rows from the kecamatan rows. Runs inside the
/// caller's transaction.
/// </summary>
internal static class RollupRefresher
{
    /// <summary>The first key of PostgreSQL's two-key advisory locks taken per kabupaten (user locks are 7301).</summary>
    internal const int KabupatenLockSpace = 7302;

    public static async Task RefreshAsync(CaseBotDbContext db, IReadOnlyCollection<RollupBucket> buckets, CancellationToken ct)
    {
        if (buckets.Count == 0) return;
        await LockAsync(db, buckets.Select(b => b.Kabupaten), ct);
        foreach (var (kabupaten, kecamatan, day) in buckets)
        {
            await RollupSql.DeleteAsync(db, kabupaten, kecamatan, RollupGrain.Day, day, ct);
            Insert(db, await DayRowsAsync(db, new CountedRows([kabupaten], kecamatan, day, day), ct));
        }
        await db.SaveChangesAsync(ct); // each level reads the one below from the database
        foreach (var entry in db.ChangeTracker.Entries<IRollupRow>().ToList()) entry.State = EntityState.Detached;
        foreach (var (kabupaten, kecamatan, month) in buckets.Select(b => (b.Kabupaten, b.Kecamatan, RollupSpan.MonthOf(b.Day))).Distinct())
            await RollupSql.RollAsync(db, kabupaten, kecamatan, RollupGrain.Day, month, month.AddMonths(1).AddDays(-1), kecamatan, RollupGrain.Month, month, ct);
        foreach (var (kabupaten, day) in buckets.Select(b => (b.Kabupaten, b.Day)).Distinct())
            await RollupSql.RollAsync(db, kabupaten, null, RollupGrain.Day, day, day, IRollupRow.WholeKabupaten, RollupGrain.Day, day, ct);
        foreach (var (kabupaten, month) in buckets.Select(b => (b.Kabupaten, RollupSpan.MonthOf(b.Day))).Distinct())
            await RollupSql.RollAsync(db, kabupaten, null, RollupGrain.Month, month, month, IRollupRow.WholeKabupaten, RollupGrain.Month, month, ct);
    }

    /// <summary>
    /// PostgreSQL: two transactions refreshing the same kabupaten take turns, the second then reading the first's
    /// committed rows (READ COMMITTED); sorted, so two writers never wait on each other crosswise. SQLite has one writer.
    /// </summary>
    public static async Task LockAsync(CaseBotDbContext db, IEnumerable<string> kabupaten, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var name in kabupaten.Distinct().Order(StringComparer.Ordinal))
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({KabupatenLockSpace}, hashtext({name}))", ct);
    }

    /// <summary>Rows summed per target bucket and group.</summary>
    public static RollupSet Sum(IEnumerable<IRollupRow> rows, Func<IRollupRow, (RollupGrain, DateOnly, string, string)> bucket)
    {
        var sums = rows.GroupBy(r => (bucket(r), r.GetType(), r.GroupKey()))
            .Select(g =>
            {
                var (grain, start, kabupaten, kecamatan) = g.Key.Item1;
                return g.Aggregate((a, b) => a.Plus(b)).At(grain, start, kabupaten, kecamatan);
            }).ToList();
        return new(sums.OfType<EventRollup>().ToList(), sums.OfType<AidRollup>().ToList(), sums.OfType<CaseRollup>().ToList());
    }

    private static void Insert(CaseBotDbContext db, RollupSet rows)
    {
        db.EventRollups.AddRange(rows.Events);
        db.AidRollups.AddRange(rows.Aid);
        db.CaseRollups.AddRange(rows.Cases);
    }

    /// <summary>Day rows of every kecamatan-day the raw rows in range hold: grouped aggregates, as capaian summed them before.</summary>
    public static async Task<RollupSet> DayRowsAsync(CaseBotDbContext db, CountedRows rows, CancellationToken ct)
    {
        var events = (await rows.Events(db).GroupBy(e => new { e.Kabupaten, e.Kecamatan, e.EventDate })
                .Select(g => new
                {
                    g.Key.Kabupaten, g.Key.Kecamatan, g.Key.EventDate, Count = g.Count(), Handled = g.Sum(e => (long)e.Counts.Tertangani),
                    All = g.Sum(e => (long)e.Counts.TerdampakJiwa + e.Counts.Meninggal + e.Counts.Hilang),
                }).ToListAsync(ct))
            .ToDictionary(x => (x.Kabupaten, x.Kecamatan, x.EventDate), x => new EventRollup
            {
                Grain = RollupGrain.Day, Start = x.EventDate, Kabupaten = x.Kabupaten, Kecamatan = x.Kecamatan,
                Events = x.Count, Handled = x.Handled, All = x.All,
            });
        foreach (var v in await rows.NewestVerifiedReports(db).GroupBy(r => new { r.Event!.Kabupaten, r.Event.Kecamatan, r.Event.EventDate })
                     .Select(g => new
                     {
                         g.Key.Kabupaten, g.Key.Kecamatan, g.Key.EventDate, Handled = g.Sum(r => (long)r.Counts.Tertangani),
                         All = g.Sum(r => (long)r.Counts.TerdampakJiwa + r.Counts.Meninggal + r.Counts.Hilang),
                     }).ToListAsync(ct))
            (events[(v.Kabupaten, v.Kecamatan, v.EventDate)].VerifiedHandled, events[(v.Kabupaten, v.Kecamatan, v.EventDate)].VerifiedAll) = (v.Handled, v.All);
        foreach (var n in await rows.NewestReportsVerified(db).GroupBy(r => new { r.Event!.Kabupaten, r.Event.Kecamatan, r.Event.EventDate })
                     .Select(g => new { g.Key.Kabupaten, g.Key.Kecamatan, g.Key.EventDate, Count = g.Count() }).ToListAsync(ct))
            events[(n.Kabupaten, n.Kecamatan, n.EventDate)].NewestVerified = n.Count;

        var aid = (await rows.Aid(db).GroupBy(a => new { a.Kabupaten, a.Kecamatan, a.Date, a.ItemCode, a.RecipientUnit, a.Verification.State })
                .Select(g => new { g.Key, Recipients = g.Sum(a => (long)a.Recipients), Count = g.Count() }).ToListAsync(ct))
            .Select(x => new AidRollup
            {
                Grain = RollupGrain.Day, Start = x.Key.Date, Kabupaten = x.Key.Kabupaten, Kecamatan = x.Key.Kecamatan, ItemCode = x.Key.ItemCode,
                RecipientUnit = x.Key.RecipientUnit, State = x.Key.State, Recipients = x.Recipients, Reports = x.Count,
            }).ToList();

        var cases = (await rows.Cases(db)
                .GroupBy(c => new { c.Kabupaten, c.Kecamatan, c.ReportedOn, c.TypeCode, c.Status, c.ServiceCode, c.VerifiedStatus, c.VerifiedServiceCode, c.Verification.State })
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => new CaseRollup
            {
                Grain = RollupGrain.Day, Start = x.Key.ReportedOn, Kabupaten = x.Key.Kabupaten, Kecamatan = x.Key.Kecamatan, TypeCode = x.Key.TypeCode,
                Status = x.Key.Status, ServiceCode = x.Key.ServiceCode, VerifiedStatus = x.Key.VerifiedStatus,
                VerifiedServiceCode = x.Key.VerifiedServiceCode, State = x.Key.State, Count = x.Count,
            }).ToList();
        return new(events.Values.ToList(), aid, cases);
    }
}
