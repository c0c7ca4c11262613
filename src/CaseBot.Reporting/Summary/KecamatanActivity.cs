using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Summary;

/// <summary>When each kecamatan last reported anything (an event report, aid, a PPKS case): what "silent" is measured by,
/// for the daily summary's list and for the nudge to its TKSK.</summary>
public static class KecamatanActivity
{
    /// <summary>The newest report time by (kabupaten, kecamatan): keyed by kabupaten too, since kecamatan names repeat
    /// across kabupaten (Mamuju, Malili...).</summary>
    public static async Task<Dictionary<(string Kabupaten, string Kecamatan), DateTimeOffset>> LastReportsAsync(CaseBotDbContext db,
        CancellationToken ct = default)
    {
        var lastEvent = await db.DisasterReports.GroupBy(r => new { r.Event!.Kabupaten, r.Event.Kecamatan })
            .Select(g => new { g.Key.Kabupaten, g.Key.Kecamatan, Last = g.Max(r => r.ReportedAt) }).ToListAsync(ct);
        var lastAid = await db.Aid.GroupBy(a => new { a.Kabupaten, a.Kecamatan })
            .Select(g => new { g.Key.Kabupaten, g.Key.Kecamatan, Last = g.Max(a => a.CreatedAt) }).ToListAsync(ct);
        var lastCase = await db.Cases.GroupBy(c => new { c.Kabupaten, c.Kecamatan })
            .Select(g => new { g.Key.Kabupaten, g.Key.Kecamatan, Last = g.Max(c => c.UpdatedAt) }).ToListAsync(ct);
        return lastEvent.Concat(lastAid).Concat(lastCase).GroupBy(x => (x.Kabupaten, x.Kecamatan))
            .ToDictionary(g => g.Key, g => g.Max(x => x.Last));
    }
}
