using CaseBot.Domain.Entities;
using CaseBot.Storage;
using CaseBot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Capaian;

/// <summary>A numerator and (for percentages) a denominator.</summary>
public sealed record Figures(decimal Numerator, decimal? Denominator);

/// <summary>An indicator's figures twice: as officers verified them and as reported (provisional), and how many
/// reports behind the provisional ones still wait for verification.</summary>
public sealed record MeasuredFigures(Figures Verified, Figures Provisional, int Unverified);

/// <summary>
/// The sums behind all indicators for one region and period: victims, aid recipients by item and unit, cases by type
/// and status, each verified and provisional. Each is a grouped SQL aggregate over the capaian rollups (a few rows per
/// kabupaten and month, kept in the transaction of every write); indicators then pick their numerator and denominator
/// from them. <see cref="DrillDown"/> lists the same reports one by one (and a test holds the two equal).
/// </summary>
public sealed class Totals
{
    private (long Handled, long All) _victims, _verifiedVictims;
    private int _unverifiedEvents;
    private List<AidGroup> _aid = [];
    private List<CaseGroup> _cases = [];

    private sealed record AidGroup(string Item, RecipientUnit Unit, VerificationState State, long Recipients, int Reports);

    private sealed record CaseGroup(string Type, CaseStatus Status, string Service, CaseStatus? VerifiedStatus, string? VerifiedService,
        VerificationState State, int Count);

    public static async Task<Totals> ReadAsync(CaseBotDbContext db, RegionScope scope, ReportingPeriod period,
        IReadOnlySet<Measure> needed, CancellationToken ct)
    {
        // Whole months read month rows, the edge days day rows; a kabupaten or the province its kabupaten-level rows.
        // Each part is its own index range; their groups are added up here.
        var (kabupaten, kecamatan) = (scope.Kabupaten, scope.Kecamatan);
        var parts = RollupSpan.Of(period.From, period.To).Parts().ToList();
        var totals = new Totals();
        if (needed.Contains(Measure.VictimsHandled) || needed.Contains(Measure.VictimsHandledCount))
        {
            var events = new List<EventRollup>();
            foreach (var part in parts)
                events.AddRange(await RollupSpan.Rows(db.EventRollups, kabupaten, kecamatan, part).GroupBy(_ => 1)
                    .Select(g => new EventRollup
                    {
                        Handled = g.Sum(r => r.Handled), All = g.Sum(r => r.All), Events = g.Sum(r => r.Events),
                        VerifiedHandled = g.Sum(r => r.VerifiedHandled), VerifiedAll = g.Sum(r => r.VerifiedAll), NewestVerified = g.Sum(r => r.NewestVerified),
                    })
                    .ToListAsync(ct));
            totals._victims = (events.Sum(e => e.Handled), events.Sum(e => e.All));
            totals._verifiedVictims = (events.Sum(e => e.VerifiedHandled), events.Sum(e => e.VerifiedAll));
            // An event's figures wait for verification unless its newest report is verified.
            totals._unverifiedEvents = events.Sum(e => e.Events) - events.Sum(e => e.NewestVerified);
        }
        if (needed.Contains(Measure.AidRecipients))
        {
            var aid = new List<AidGroup>();
            foreach (var part in parts)
                aid.AddRange((await RollupSpan.Rows(db.AidRollups, kabupaten, kecamatan, part)
                        .GroupBy(a => new { a.ItemCode, a.RecipientUnit, a.State })
                        .Select(g => new { g.Key.ItemCode, g.Key.RecipientUnit, g.Key.State, Sum = g.Sum(a => a.Recipients), Count = g.Sum(a => a.Reports) })
                        .ToListAsync(ct))
                    .Select(x => new AidGroup(x.ItemCode, x.RecipientUnit, x.State, x.Sum, x.Count)));
            totals._aid = aid.GroupBy(a => (a.Item, a.Unit, a.State))
                .Select(g => new AidGroup(g.Key.Item, g.Key.Unit, g.Key.State, g.Sum(a => a.Recipients), g.Sum(a => a.Reports))).ToList();
        }
        if (needed.Contains(Measure.PpksHandled) || needed.Contains(Measure.PpksHandledCount))
        {
            var cases = new List<CaseGroup>();
            foreach (var part in parts)
                cases.AddRange((await RollupSpan.Rows(db.CaseRollups, kabupaten, kecamatan, part)
                        .GroupBy(c => new { c.TypeCode, c.Status, c.ServiceCode, c.VerifiedStatus, c.VerifiedServiceCode, c.State })
                        .Select(g => new { g.Key.TypeCode, g.Key.Status, g.Key.ServiceCode, g.Key.VerifiedStatus, g.Key.VerifiedServiceCode, g.Key.State, Count = g.Sum(c => c.Count) })
                        .ToListAsync(ct))
                    .Select(x => new CaseGroup(x.TypeCode, x.Status, x.ServiceCode, x.VerifiedStatus, x.VerifiedServiceCode, x.State, x.Count)));
            totals._cases = cases.GroupBy(c => c with { Count = 0 })
                .Select(g => g.Key with { Count = g.Sum(c => c.Count) }).ToList();
        }
        return totals;
    }

    /// <summary>The same sums from the raw rows, as grouped aggregates over them: what the rollups are checked against
    /// (tests), and the definition they reproduce.</summary>
    public static async Task<Totals> ReadRawAsync(CaseBotDbContext db, RegionScope scope, ReportingPeriod period,
        IReadOnlySet<Measure> needed, CancellationToken ct)
    {
        var totals = new Totals();
        if (needed.Contains(Measure.VictimsHandled) || needed.Contains(Measure.VictimsHandledCount))
        {
            var events = await ReportQueries.Events(db, scope, period).GroupBy(_ => 1)
                .Select(g => new { Handled = g.Sum(e => (long)e.Counts.Tertangani), All = g.Sum(e => (long)e.Counts.TerdampakJiwa + e.Counts.Meninggal + e.Counts.Hilang), Count = g.Count() })
                .ToListAsync(ct);
            totals._victims = events.Count == 0 ? (0, 0) : (events[0].Handled, events[0].All);
            var verified = await ReportQueries.NewestVerifiedReports(db, scope, period).GroupBy(_ => 1)
                .Select(g => new { Handled = g.Sum(r => (long)r.Counts.Tertangani), All = g.Sum(r => (long)r.Counts.TerdampakJiwa + r.Counts.Meninggal + r.Counts.Hilang) })
                .ToListAsync(ct);
            totals._verifiedVictims = verified.Count == 0 ? (0, 0) : (verified[0].Handled, verified[0].All);
            // An event's figures wait for verification unless its newest report is verified.
            totals._unverifiedEvents = (events.Count == 0 ? 0 : events[0].Count) - await ReportQueries.NewestReportsVerified(db, scope, period).CountAsync(ct);
        }
        if (needed.Contains(Measure.AidRecipients))
            totals._aid = (await ReportQueries.Aid(db, scope, period)
                    .GroupBy(a => new { a.ItemCode, a.RecipientUnit, a.Verification.State })
                    .Select(g => new { g.Key.ItemCode, g.Key.RecipientUnit, g.Key.State, Sum = g.Sum(a => (long)a.Recipients), Count = g.Count() })
                    .ToListAsync(ct))
                .Select(x => new AidGroup(x.ItemCode, x.RecipientUnit, x.State, x.Sum, x.Count)).ToList();
        if (needed.Contains(Measure.PpksHandled) || needed.Contains(Measure.PpksHandledCount))
            totals._cases = (await ReportQueries.Cases(db, scope, period)
                    // Grouped by service too: whether a status counts as handled may depend on the service (config).
                    .GroupBy(c => new { c.TypeCode, c.Status, c.ServiceCode, c.VerifiedStatus, c.VerifiedServiceCode, c.Verification.State })
                    .Select(g => new { g.Key.TypeCode, g.Key.Status, g.Key.ServiceCode, g.Key.VerifiedStatus, g.Key.VerifiedServiceCode, g.Key.State, Count = g.Count() })
                    .ToListAsync(ct))
                .Select(x => new CaseGroup(x.TypeCode, x.Status, x.ServiceCode, x.VerifiedStatus, x.VerifiedServiceCode, x.State, x.Count)).ToList();
        return totals;
    }

    /// <summary>Every sum and group, in a fixed order: two totals read differently are equal when this is.</summary>
    public override string ToString() =>
        string.Join("\n", new[] { $"victims {_victims} verified {_verifiedVictims} unverified events {_unverifiedEvents}" }
            .Concat(_aid.Select(a => a.ToString()).Order(StringComparer.Ordinal))
            .Concat(_cases.Select(c => c.ToString()).Order(StringComparer.Ordinal)));

    /// <summary>Numerator and denominator (null for counts) of one indicator, verified and provisional.</summary>
    public MeasuredFigures For(IndicatorDefinition indicator)
    {
        switch (indicator.Measure)
        {
            case Measure.VictimsHandled:
            case Measure.VictimsHandledCount:
                var percentage = indicator.Measure == Measure.VictimsHandled;
                return new(new(_verifiedVictims.Handled, percentage ? _verifiedVictims.All : null),
                    new(_victims.Handled, percentage ? _victims.All : null), _unverifiedEvents);
            case Measure.AidRecipients:
                var aid = _aid.Where(a => IndicatorFilters.CountsAid(indicator, a.Item, a.Unit)).ToList();
                // A returned hand-out counts nowhere: it is reported again, correctly.
                return new(new(aid.Where(a => a.State == VerificationState.Verified).Sum(a => a.Recipients), null),
                    new(aid.Where(a => a.State != VerificationState.Returned).Sum(a => a.Recipients), null),
                    aid.Where(a => a.State == VerificationState.Pending).Sum(a => a.Reports));
            default:
                var cases = _cases.Where(c => IndicatorFilters.CountsType(indicator, c.Type)).ToList();
                var verified = cases.Where(c => c.VerifiedStatus is not null).ToList();
                var handled = cases.Where(c => IndicatorFilters.Handled(indicator, c.Status, c.Service)).Sum(c => c.Count);
                var handledVerified = verified.Where(c => IndicatorFilters.Handled(indicator, c.VerifiedStatus!.Value, c.VerifiedService)).Sum(c => c.Count);
                var unverified = cases.Where(c => c.State != VerificationState.Verified).Sum(c => c.Count);
                return indicator.Measure == Measure.PpksHandled
                    ? new(new(handledVerified, verified.Sum(c => c.Count)), new(handled, cases.Sum(c => c.Count)), unverified)
                    : new(new(handledVerified, null), new(handled, null), unverified);
        }
    }
}
