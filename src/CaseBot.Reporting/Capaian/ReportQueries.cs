using CaseBot.Domain.Entities;
using CaseBot.Storage;
using CaseBot.Storage.Rollups;

namespace CaseBot.Reporting.Capaian;

/// <summary>
/// The reports an area and period hold, as queries: what the drill-down lists and the raw totals start from. The
/// predicates live in <see cref="CountedRows"/>, which the capaian rollups are summed from too, so none can disagree on
/// which reports are in.
/// </summary>
public static class ReportQueries
{
    private static CountedRows Rows(RegionScope scope, ReportingPeriod period) => new(scope.Kabupaten, scope.Kecamatan, period.From, period.To);

    /// <summary>Events dated in the period in the area.</summary>
    public static IQueryable<DisasterEvent> Events(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) =>
        Rows(scope, period).Events(db);

    /// <summary>Of each such event, its newest verified report: each report holds all the event's figures at the time.</summary>
    public static IQueryable<DisasterReport> NewestVerifiedReports(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) =>
        Rows(scope, period).NewestVerifiedReports(db);

    /// <summary>Of each such event, its newest report when that is verified: the events whose current figures are verified.</summary>
    public static IQueryable<DisasterReport> NewestReportsVerified(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) =>
        Rows(scope, period).NewestReportsVerified(db);

    /// <summary>Aid handed out in the period in the area (by where it was given).</summary>
    public static IQueryable<AidDistribution> Aid(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) => Rows(scope, period).Aid(db);

    /// <summary>Cases reported in the period in the area; a case merged into another counts only as that one.</summary>
    public static IQueryable<PpksCase> Cases(CaseBotDbContext db, RegionScope scope, ReportingPeriod period) => Rows(scope, period).Cases(db);
}
