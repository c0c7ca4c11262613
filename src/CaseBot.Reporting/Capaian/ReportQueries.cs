using CaseBot.Domain.Entities;
using CaseBot.Storage;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// The reports an area and period hold, as queries: what the capaian sums and the drill-down lists both start from,
/// so the two cannot disagree on which reports are in.
/// </summary>
public static class ReportQueries
{
    /// <summary>Events dated in the period in the area.</summary>
    public static IQueryable<DisasterEvent> Events(CaseBotDbContext db, RegionScope scope, ReportingPeriod period)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        return db.Events.Where(e => kabupaten.Contains(e.Kabupaten) && e.EventDate >= from && e.EventDate <= to
                                    && (kecamatan == null || e.Kecamatan == kecamatan));
    }

    /// <summary>Of each such event, its newest verified report: each report holds all the event's figures at the time.</summary>
    public static IQueryable<DisasterReport> NewestVerifiedReports(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) =>
        VerifiedReportsOfEvents(db, scope, period)
            .Where(r => !db.DisasterReports.Any(n => n.EventId == r.EventId && n.Id > r.Id && n.Verification.State == VerificationState.Verified));

    /// <summary>Of each such event, its newest report when that is verified: the events whose current figures are verified.</summary>
    public static IQueryable<DisasterReport> NewestReportsVerified(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) =>
        VerifiedReportsOfEvents(db, scope, period).Where(r => !db.DisasterReports.Any(n => n.EventId == r.EventId && n.Id > r.Id));

    /// <summary>The verified reports on events dated in the period in the area.</summary>
    private static IQueryable<DisasterReport> VerifiedReportsOfEvents(CaseBotDbContext db, RegionScope scope, ReportingPeriod period)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        return db.DisasterReports.Where(r => r.Verification.State == VerificationState.Verified
                                             && kabupaten.Contains(r.Event!.Kabupaten) && r.Event.EventDate >= from && r.Event.EventDate <= to
                                             && (kecamatan == null || r.Event.Kecamatan == kecamatan));
    }

    /// <summary>Aid handed out in the period in the area (by where it was given).</summary>
    public static IQueryable<AidDistribution> Aid(CaseBotDbContext db, RegionScope scope, ReportingPeriod period)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        return db.Aid.Where(a => kabupaten.Contains(a.Kabupaten) && a.Date >= from && a.Date <= to && (kecamatan == null || a.Kecamatan == kecamatan));
    }

    /// <summary>Cases reported in the period in the area. A case merged into another is the same person: only the case
    /// it was merged into counts.</summary>
    public static IQueryable<PpksCase> Cases(CaseBotDbContext db, RegionScope scope, ReportingPeriod period)
    {
        var (kabupaten, kecamatan, from, to) = (scope.Kabupaten, scope.Kecamatan, period.From, period.To);
        return db.Cases.Where(c => kabupaten.Contains(c.Kabupaten) && (kecamatan == null || c.Kecamatan == kecamatan)
                                   && c.ReportedOn >= from && c.ReportedOn <= to && c.MergedIntoCaseId == null);
    }
}
