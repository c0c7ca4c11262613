using CaseBot.Domain.Entities;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// The sums behind all indicators for one region and period: victims, aid recipients by item and unit, cases by type
/// and status. Each is one grouped SQL aggregate; indicators then pick their numerator and denominator from them.
/// </summary>
public sealed class Totals
{
    private long _handledVictims, _allVictims;
    private List<(string Item, RecipientUnit Unit, long Recipients)> _aid = [];
    private List<(string Type, CaseStatus Status, string Service, int Count)> _cases = [];

    public static async Task<Totals> ReadAsync(CaseBotDbContext db, RegionScope scope, ReportingPeriod period,
        IReadOnlySet<Measure> needed, CancellationToken ct)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        var totals = new Totals();
        if (needed.Contains(Measure.VictimsHandled) || needed.Contains(Measure.VictimsHandledCount))
        {
            var sums = await db.Events
                .Where(e => kabupaten.Contains(e.Kabupaten) && e.EventDate >= from && e.EventDate <= to && (kecamatan == null || e.Kecamatan == kecamatan))
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Handled = g.Sum(e => (long)e.Counts.Tertangani),
                    All = g.Sum(e => (long)e.Counts.TerdampakJiwa + e.Counts.Meninggal + e.Counts.Hilang),
                })
                .ToListAsync(ct);
            (totals._handledVictims, totals._allVictims) = sums.Count == 0 ? (0, 0) : (sums[0].Handled, sums[0].All);
        }
        if (needed.Contains(Measure.AidRecipients))
            totals._aid = (await db.Aid
                    .Where(a => kabupaten.Contains(a.Kabupaten) && a.Date >= from && a.Date <= to && (kecamatan == null || a.Kecamatan == kecamatan))
                    .GroupBy(a => new { a.ItemCode, a.RecipientUnit })
                    .Select(g => new { g.Key.ItemCode, g.Key.RecipientUnit, Sum = g.Sum(a => (long)a.Recipients) })
                    .ToListAsync(ct))
                .Select(x => (x.ItemCode, x.RecipientUnit, x.Sum)).ToList();
        if (needed.Contains(Measure.PpksHandled) || needed.Contains(Measure.PpksHandledCount))
            totals._cases = (await db.Cases
                    // A case merged into another is the same person: only the case it was merged into counts.
                    .Where(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan)
                                && c.ReportedOn >= from && c.ReportedOn <= to && c.MergedIntoCaseId == null)
                    // Grouped by service too: whether a status counts as handled may depend on the service (config).
                    .GroupBy(c => new { c.TypeCode, c.Status, c.ServiceCode })
                    .Select(g => new { g.Key.TypeCode, g.Key.Status, g.Key.ServiceCode, Count = g.Count() })
                    .ToListAsync(ct))
                .Select(x => (x.TypeCode, x.Status, x.ServiceCode, x.Count)).ToList();
        return totals;
    }

    /// <summary>Numerator and denominator (null for counts) of one indicator.</summary>
    public (decimal Numerator, decimal? Denominator) For(IndicatorDefinition indicator)
    {
        switch (indicator.Measure)
        {
            case Measure.VictimsHandled: return (_handledVictims, _allVictims);
            case Measure.VictimsHandledCount: return (_handledVictims, null);
            case Measure.AidRecipients:
                RecipientUnit? unit = Enum.TryParse<RecipientUnit>(indicator.RecipientUnit, true, out var u) ? u : null;
                return (_aid.Where(a => (indicator.AidItems.Count == 0 || indicator.AidItems.Contains(a.Item)) && (unit is null || a.Unit == unit))
                    .Sum(a => a.Recipients), null);
            default:
                var cases = _cases.Where(c => indicator.PpksTypes.Count == 0 || indicator.PpksTypes.Contains(c.Type)).ToList();
                var rules = indicator.Handled.Count > 0 ? indicator.Handled : HandledRule.Default;
                var handled = cases.Where(c => rules.Any(r => r.Matches(c.Status, c.Service))).Sum(c => c.Count);
                return indicator.Measure == Measure.PpksHandled ? (handled, cases.Sum(c => c.Count)) : (handled, null);
        }
    }
}
