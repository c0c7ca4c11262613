using CaseBot.Domain.Entities;

namespace CaseBot.Storage.Rollups;

/// <summary>
/// The one definition of which raw rows capaian counts for an area and date range: the rollups are summed from these
/// and the raw queries (drill-down, the raw totals) read them, so the two cannot drift apart.
/// </summary>
/// <param name="Kabupaten">Null: every kabupaten (the rebuild).</param>
/// <param name="Kecamatan">Null: every kecamatan of those kabupaten.</param>
public sealed record CountedRows(IReadOnlyCollection<string>? Kabupaten, string? Kecamatan, DateOnly From, DateOnly To)
{
    /// <summary>Events dated in the range in the area.</summary>
    public IQueryable<DisasterEvent> Events(CaseBotDbContext db)
    {
        var (kecamatan, from, to) = (Kecamatan, From, To);
        var events = db.Events.Where(e => e.EventDate >= from && e.EventDate <= to && (kecamatan == null || e.Kecamatan == kecamatan));
        return Kabupaten is { } kabupaten ? events.Where(e => kabupaten.Contains(e.Kabupaten)) : events;
    }

    /// <summary>Of each such event, its newest verified report: each report holds all the event's figures at the time.</summary>
    public IQueryable<DisasterReport> NewestVerifiedReports(CaseBotDbContext db) =>
        VerifiedReportsOfEvents(db)
            .Where(r => !db.DisasterReports.Any(n => n.EventId == r.EventId && n.Id > r.Id && n.Verification.State == VerificationState.Verified));

    /// <summary>Of each such event, its newest report when that is verified: the events whose current figures are verified.</summary>
    public IQueryable<DisasterReport> NewestReportsVerified(CaseBotDbContext db) =>
        VerifiedReportsOfEvents(db).Where(r => !db.DisasterReports.Any(n => n.EventId == r.EventId && n.Id > r.Id));

    /// <summary>The verified reports on events dated in the range in the area.</summary>
    private IQueryable<DisasterReport> VerifiedReportsOfEvents(CaseBotDbContext db)
    {
        var (kecamatan, from, to) = (Kecamatan, From, To);
        var reports = db.DisasterReports.Where(r => r.Verification.State == VerificationState.Verified
                                                    && r.Event!.EventDate >= from && r.Event.EventDate <= to
                                                    && (kecamatan == null || r.Event.Kecamatan == kecamatan));
        return Kabupaten is { } kabupaten ? reports.Where(r => kabupaten.Contains(r.Event!.Kabupaten)) : reports;
    }

    /// <summary>Aid handed out in the range in the area (by where it was given).</summary>
    public IQueryable<AidDistribution> Aid(CaseBotDbContext db)
    {
        var (kecamatan, from, to) = (Kecamatan, From, To);
        var aid = db.Aid.Where(a => a.Date >= from && a.Date <= to && (kecamatan == null || a.Kecamatan == kecamatan));
        return Kabupaten is { } kabupaten ? aid.Where(a => kabupaten.Contains(a.Kabupaten)) : aid;
    }

    /// <summary>Cases reported in the range in the area. A case merged into another is the same person: only the case
    /// it was merged into counts.</summary>
    public IQueryable<PpksCase> Cases(CaseBotDbContext db)
    {
        var (kecamatan, from, to) = (Kecamatan, From, To);
        var cases = db.Cases.Where(c => (kecamatan == null || c.Kecamatan == kecamatan)
                                        && c.ReportedOn >= from && c.ReportedOn <= to && c.MergedIntoCaseId == null);
        return Kabupaten is { } kabupaten ? cases.Where(c => kabupaten.Contains(c.Kabupaten)) : cases;
    }
}
