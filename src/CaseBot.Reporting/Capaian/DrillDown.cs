using CaseBot.Domain.Entities;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// One report behind an indicator's figures: what it adds to the numerator and denominator as reported (provisional)
/// and as verified. Summed over all rows they are exactly the figures capaian shows.
/// </summary>
/// <param name="Name">A PPKS case's person; only filled for those allowed to see names.</param>
/// <param name="Waiting">Whether this report counts among those "belum diverifikasi" beside the figure.</param>
public sealed record DrillRow(string Number, string Kecamatan, string? Name, VerificationState State, bool Waiting,
    decimal Numerator, decimal? Denominator, decimal VerifiedNumerator, decimal? VerifiedDenominator);

/// <summary>
/// The reports behind one indicator for a region and period, row by row, from the same queries as <see cref="Totals"/>
/// (<see cref="ReportQueries"/>), newest first: what "which reports make 78,37%?" is answered with.
/// </summary>
public sealed class DrillDown(IDbContextFactory<CaseBotDbContext> contexts)
{
    public async Task<IReadOnlyList<DrillRow>> RowsAsync(IndicatorDefinition indicator, RegionScope scope, ReportingPeriod period,
        bool withNames, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return indicator.Measure switch
        {
            Measure.VictimsHandled or Measure.VictimsHandledCount => await EventsAsync(db, indicator, scope, period, ct),
            Measure.AidRecipients => await AidAsync(db, indicator, scope, period, ct),
            _ => await CasesAsync(db, indicator, scope, period, withNames, ct),
        };
    }

    private static async Task<IReadOnlyList<DrillRow>> EventsAsync(CaseBotDbContext db, IndicatorDefinition indicator, RegionScope scope,
        ReportingPeriod period, CancellationToken ct)
    {
        var events = await ReportQueries.Events(db, scope, period).AsNoTracking()
            .Select(e => new
            {
                e.Id, e.EventDate, e.Kecamatan, Handled = e.Counts.Tertangani, All = (long)e.Counts.TerdampakJiwa + e.Counts.Meninggal + e.Counts.Hilang,
                Newest = e.Reports.OrderByDescending(r => r.Id).Select(r => r.Verification.State).FirstOrDefault(),
            })
            .OrderByDescending(e => e.EventDate).ThenByDescending(e => e.Id).ToListAsync(ct);
        var verified = await ReportQueries.NewestVerifiedReports(db, scope, period).AsNoTracking()
            .Select(r => new { r.EventId, Handled = r.Counts.Tertangani, All = (long)r.Counts.TerdampakJiwa + r.Counts.Meninggal + r.Counts.Hilang })
            .ToDictionaryAsync(r => r.EventId, ct);
        var percentage = indicator.Measure == Measure.VictimsHandled;
        return events.Select(e =>
        {
            var v = verified.GetValueOrDefault(e.Id);
            return new DrillRow(ReportNumber.Format(DisasterEvent.Prefix, e.EventDate.Year, e.Id), e.Kecamatan, null, e.Newest,
                e.Newest != VerificationState.Verified, e.Handled, percentage ? e.All : null,
                v?.Handled ?? 0, percentage ? v?.All ?? 0 : null);
        }).ToList();
    }

    private static async Task<IReadOnlyList<DrillRow>> AidAsync(CaseBotDbContext db, IndicatorDefinition indicator, RegionScope scope,
        ReportingPeriod period, CancellationToken ct)
    {
        var aid = await ReportQueries.Aid(db, scope, period).AsNoTracking()
            .Select(a => new { a.Id, a.Date, a.Kecamatan, a.ItemCode, a.RecipientUnit, a.Recipients, a.Verification.State })
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).ToListAsync(ct);
        return aid.Where(a => IndicatorFilters.CountsAid(indicator, a.ItemCode, a.RecipientUnit))
            .Select(a => new DrillRow(ReportNumber.Format(AidDistribution.Prefix, a.Date.Year, a.Id), a.Kecamatan, null, a.State,
                a.State == VerificationState.Pending,
                // A returned hand-out counts nowhere: it is reported again, correctly.
                a.State == VerificationState.Returned ? 0 : a.Recipients, null,
                a.State == VerificationState.Verified ? a.Recipients : 0, null))
            .ToList();
    }

    private static async Task<IReadOnlyList<DrillRow>> CasesAsync(CaseBotDbContext db, IndicatorDefinition indicator, RegionScope scope,
        ReportingPeriod period, bool withNames, CancellationToken ct)
    {
        var cases = await ReportQueries.Cases(db, scope, period).AsNoTracking()
            .Select(c => new { c.Id, c.ReportedOn, c.Kecamatan, c.Name, c.TypeCode, c.Status, c.ServiceCode, c.VerifiedStatus, c.VerifiedServiceCode, c.Verification.State })
            .OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var percentage = indicator.Measure == Measure.PpksHandled;
        return cases.Where(c => IndicatorFilters.CountsType(indicator, c.TypeCode))
            .Select(c =>
            {
                var verified = c.VerifiedStatus is { } status;
                return new DrillRow(ReportNumber.Format(PpksCase.Prefix, c.ReportedOn.Year, c.Id), c.Kecamatan, withNames ? c.Name : null,
                    c.State, c.State != VerificationState.Verified,
                    IndicatorFilters.Handled(indicator, c.Status, c.ServiceCode) ? 1 : 0, percentage ? 1 : null,
                    verified && IndicatorFilters.Handled(indicator, c.VerifiedStatus!.Value, c.VerifiedServiceCode) ? 1 : 0,
                    percentage ? verified ? 1 : 0 : null);
            })
            .ToList();
    }
}
