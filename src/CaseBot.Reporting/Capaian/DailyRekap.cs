using System.Text;
using CaseBot.Domain.Text;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>/rekap: new reports of a period by kind and kecamatan.</summary>
public sealed class DailyRekap(IDbContextFactory<CaseBotDbContext> contexts)
{
    public async Task<string> FormatAsync(RegionScope scope, ReportingPeriod period, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var (from, to) = (LocalDay.Start(period.From, zone), LocalDay.Start(period.To.AddDays(1), zone));
        var (kabupaten, kecamatan) = (scope.Kabupaten, scope.Kecamatan);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var disaster = await db.DisasterReports.Where(r => kabupaten.Contains(r.Event!.Kabupaten) && (kecamatan == null || r.Event.Kecamatan == kecamatan)
                                                          && r.ReportedAt >= from && r.ReportedAt < to)
            .GroupBy(r => r.Event!.Kecamatan)
            .Select(g => new { g.Key, New = g.Count(r => !r.IsUpdate), Updates = g.Count(r => r.IsUpdate) }).ToListAsync(ct);
        var aid = await db.Aid.Where(a => kabupaten.Contains(a.Kabupaten) && (kecamatan == null || a.Kecamatan == kecamatan)
                                          && a.CreatedAt >= from && a.CreatedAt < to)
            .GroupBy(a => a.Kecamatan).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var cases = await db.Cases.Where(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan)
                                              && c.CreatedAt >= from && c.CreatedAt < to)
            .GroupBy(c => c.Kecamatan).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var text = new StringBuilder($"📊 Rekap laporan baru {scope.Name}, {period.Label}\n");
        // A report on an event already known is an update, not a new disaster: the two are counted apart.
        text.Append($"Bencana baru {N(disaster.Sum(x => x.New))} · Pembaruan {N(disaster.Sum(x => x.Updates))} · " +
                    $"Logistik {N(aid.Sum(x => x.Count))} · PPKS {N(cases.Sum(x => x.Count))}");
        var byKecamatan = disaster.Select(x => (x.Key, B: x.New, U: x.Updates, L: 0, P: 0))
            .Concat(aid.Select(x => (x.Key, B: 0, U: 0, L: x.Count, P: 0)))
            .Concat(cases.Select(x => (x.Key, B: 0, U: 0, L: 0, P: x.Count)))
            .GroupBy(x => x.Key).OrderBy(g => g.Key).ToList();
        foreach (var g in byKecamatan)
            text.Append($"\n• {g.Key}: bencana baru {N(g.Sum(x => x.B))}, pembaruan {N(g.Sum(x => x.U))}, " +
                        $"logistik {N(g.Sum(x => x.L))}, PPKS {N(g.Sum(x => x.P))}");
        if (!byKecamatan.Any()) text.Append("\nBelum ada laporan baru.");
        return text.ToString();
    }


    private static string N(int n) => IndonesianFormat.Number(n);
}
