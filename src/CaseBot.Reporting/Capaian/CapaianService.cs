using CaseBot.Domain.Entities;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// Measures the configured indicators for a region and period. Every figure is an aggregate in SQL over the stored
/// reports, so it traces back to them (the exports list the same rows).
/// </summary>
public sealed class CapaianService(IDbContextFactory<CaseBotDbContext> contexts, IndicatorCatalog catalog)
{
    public IndicatorCatalog Catalog => catalog;

    public async Task<IReadOnlyList<IndicatorResult>> MeasureAsync(RegionScope scope, ReportingPeriod period,
        Func<IndicatorDefinition, bool>? which = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var results = new List<IndicatorResult>();
        foreach (var indicator in catalog.Indicators.Where(which ?? (_ => true)))
        {
            var (numerator, denominator) = await MeasureAsync(db, indicator, scope, period, ct);
            if (Lookup(indicator.Denominators, [scope.Region], period.TargetYear) is { } population) denominator = population;
            results.Add(new IndicatorResult(indicator, numerator, denominator, TargetFor(indicator, scope, period.TargetYear)));
        }
        return results;
    }

    /// <summary>
    /// The region's own target; a percentage target also holds for the areas inside its region (100% for the
    /// province is 100% for each kabupaten), a count target does not (1.000 orang is the province's total).
    /// </summary>
    public static decimal? TargetFor(IndicatorDefinition indicator, RegionScope scope, int year)
    {
        var candidates = indicator.Kind == IndicatorKind.Percentage ? scope.SelfAndAncestors() : [scope.Region];
        return Lookup(indicator.Targets, candidates, year);
    }

    private static decimal? Lookup(IEnumerable<TargetValue> values, IEnumerable<Domain.Configuration.Region> regions, int year)
    {
        foreach (var region in regions)
            if (values.FirstOrDefault(t => t.Year == year && string.Equals(t.Region, region.Name, StringComparison.OrdinalIgnoreCase)) is { } value)
                return value.Value;
        return null;
    }

    private static async Task<(decimal Numerator, decimal? Denominator)> MeasureAsync(CaseBotDbContext db, IndicatorDefinition indicator,
        RegionScope scope, ReportingPeriod period, CancellationToken ct)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        switch (indicator.Measure)
        {
            case Measure.VictimsHandled or Measure.VictimsHandledCount:
                var events = db.Events.Where(e => kabupaten.Contains(e.Kabupaten) && (kecamatan == null || e.Kecamatan == kecamatan)
                                                  && e.EventDate >= from && e.EventDate <= to);
                var totals = await events.GroupBy(_ => 1).Select(g => new
                {
                    Handled = g.Sum(e => e.Counts.Tertangani),
                    Victims = g.Sum(e => e.Counts.TerdampakJiwa + e.Counts.Meninggal + e.Counts.Hilang),
                }).FirstOrDefaultAsync(ct);
                return indicator.Measure == Measure.VictimsHandled
                    ? (totals?.Handled ?? 0, totals?.Victims ?? 0)
                    : (totals?.Handled ?? 0, null);

            case Measure.AidRecipients:
                var items = indicator.AidItems;
                RecipientUnit? unit = Enum.TryParse<RecipientUnit>(indicator.RecipientUnit, true, out var u) ? u : null;
                var recipients = await db.Aid.Where(a => kabupaten.Contains(a.Event!.Kabupaten) && (kecamatan == null || a.Event.Kecamatan == kecamatan)
                                                         && a.Date >= from && a.Date <= to
                                                         && (items.Count == 0 || items.Contains(a.ItemCode))
                                                         && (unit == null || a.RecipientUnit == unit))
                    .SumAsync(a => (long?)a.Recipients, ct);
                return (recipients ?? 0, null);

            default:
                var types = indicator.PpksTypes;
                var cases = db.Cases.Where(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan)
                                                && c.ReportedOn >= from && c.ReportedOn <= to
                                                && (types.Count == 0 || types.Contains(c.TypeCode)));
                var counts = await cases.GroupBy(_ => 1).Select(g => new
                {
                    All = g.Count(),
                    Handled = g.Count(c => c.Status == CaseStatus.Ditangani || c.Status == CaseStatus.Selesai),
                }).FirstOrDefaultAsync(ct);
                return indicator.Measure == Measure.PpksHandled
                    ? (counts?.Handled ?? 0, counts?.All ?? 0)
                    : (counts?.Handled ?? 0, null);
        }
    }
}
