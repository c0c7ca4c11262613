using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Summary;

/// <summary>Counts for a daily summary of one area (province, kabupaten or kecamatan) and one local day.</summary>
public sealed class DailySummaryQuery(IDbContextFactory<CaseBotDbContext> contexts, Catalogs catalogs, CaseBotOptions options)
{
    private const int MaxOpenEvents = 5;

    /// <param name="now">
    /// When the summary is made: open events are those open at that moment, whatever the day they were reported
    /// (default: the end of <paramref name="day"/>).
    /// </param>
    public async Task<DailySummaryData> ComputeAsync(Region region, DateOnly day, int silentDays, CancellationToken ct = default,
        DateTimeOffset? now = null)
    {
        var (_, kabupaten, kecamatan) = RegionScope.Of(region);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(region.EffectiveTimeZone);
        var (from, to) = (LocalDay.Start(day, zone), LocalDay.Start(day.AddDays(1), zone));

        await using var db = await contexts.CreateDbContextAsync(ct);
        var disasterReports = await db.DisasterReports.Where(r => kabupaten.Contains(r.Event!.Kabupaten) && (kecamatan == null || r.Event.Kecamatan == kecamatan) && r.ReportedAt >= from && r.ReportedAt < to)
            .Select(r => r.IsUpdate).ToListAsync(ct);
        var aid = await db.Aid.AsNoTracking().Where(a => kabupaten.Contains(a.Kabupaten) && (kecamatan == null || a.Kecamatan == kecamatan) && a.CreatedAt >= from && a.CreatedAt < to)
            .Select(a => new { a.ItemCode, a.Quantity, a.Unit, a.Recipients, a.RecipientUnit }).ToListAsync(ct);
        var newCases = await db.Cases.CountAsync(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan) && c.CreatedAt >= from && c.CreatedAt < to, ct);
        var handled = await db.Cases.CountAsync(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan) && c.HandledAt >= from && c.HandledAt < to && c.MergedIntoCaseId == null, ct);
        // Open = not closed and reported on within OpenEventDays (the same rule that offers events for updates).
        var asOf = now ?? to;
        var openSince = asOf.AddDays(-options.OpenEventDays);
        var open = await db.Events.AsNoTracking()
            .Where(e => kabupaten.Contains(e.Kabupaten) && (kecamatan == null || e.Kecamatan == kecamatan) && !e.Closed
                        && e.UpdatedAt >= openSince && e.CreatedAt <= asOf)
            .OrderByDescending(e => e.UpdatedAt).Take(MaxOpenEvents).ToListAsync(ct);

        return new DailySummaryData
        {
            Area = region.Name, Day = day, NewDisasterReports = disasterReports.Count(u => !u), NewDisasterUpdates = disasterReports.Count(u => u), NewAid = aid.Count, NewCases = newCases, CasesHandled = handled,
            OpenEvents = open.Select(e => new OpenEventLine(e.Number, catalogs.DisasterKindName(e.KindCode), e.Kecamatan, e.Desa,
                e.Counts.TotalKorban, e.Counts.Mengungsi, e.Counts.Tertangani, e.UpdatedAt)).ToList(),
            AidByItem = aid.GroupBy(a => (a.ItemCode, a.Unit, a.RecipientUnit))
                .Select(g => new AidLine(catalogs.AidItemName(g.Key.ItemCode), g.Sum(a => a.Quantity), g.Key.Unit,
                    g.Sum(a => (long)a.Recipients), g.Key.RecipientUnit == Domain.Entities.RecipientUnit.Kk ? "KK" : "orang"))
                .OrderByDescending(l => l.Recipients).ToList(),
            Silent = await SilentAsync(db, region, LocalDay.Start(day.AddDays(1 - silentDays), zone), ct),
        };
    }

    /// <summary>Kecamatan in the area whose reporters sent nothing since <paramref name="since"/>.</summary>
    private static async Task<IReadOnlyList<SilentKecamatan>> SilentAsync(CaseBotDbContext db, Region region, DateTimeOffset since, CancellationToken ct)
    {
        var last = await KecamatanActivity.LastReportsAsync(db, ct);
        return region.SelfAndDescendants().Where(r => r.Level == RegionLevel.Kecamatan)
            .Select(k => new SilentKecamatan(k.Name, last.TryGetValue((k.Parent!.Name, k.Name), out var at) ? at : null))
            .Where(s => s.LastReport is null || s.LastReport < since).ToList();
    }

}
