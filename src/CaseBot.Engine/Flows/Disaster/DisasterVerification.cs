using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Verification;

namespace CaseBot.Engine.Flows;

/// <summary>
/// An event is verified report by report: each report (new, or an update) holds all the event's figures as given, and
/// the event's verified figures are those of its newest verified report. Only the newest report waits: an older one
/// is superseded by it.
/// </summary>
public sealed class DisasterVerification : ReportVerification
{
    public override async Task<IReadOnlyList<Checkable>> PendingAsync(FlowSession session, string? kabupaten, string? kecamatan, int take)
    {
        var reports = await session.Store.ListAsync<DisasterReport>(
            r => r.Verification.State == VerificationState.Pending && !r.Event!.Reports.Any(n => n.Id > r.Id)
                 && (kabupaten == null || r.Event.Kabupaten == kabupaten) && (kecamatan == null || r.Event.Kecamatan == kecamatan),
            r => r.ReportedAt, take);
        var pending = new List<Checkable>();
        foreach (var r in reports)
            if (await session.Store.GetEventAsync(r.EventId) is { } e)
                pending.Add(Of(session, e, r, await PreviousAsync(session, r)));
        return pending;
    }

    public override async Task<Checkable?> FindAsync(FlowSession session, int id, int year)
    {
        if (await session.Store.GetEventAsync(id) is not { } e || e.EventDate.Year != year) return null;
        var newest = await session.Store.ListAsync<DisasterReport>(r => r.EventId == id && !r.Event!.Reports.Any(n => n.Id > r.Id), r => r.ReportedAt, 1);
        return newest.Count == 0 ? null : Of(session, e, newest[0], await PreviousAsync(session, newest[0]));
    }

    /// <summary>The figures before an update, so the verifier sees what it changed.</summary>
    private static async Task<VictimCounts?> PreviousAsync(FlowSession session, DisasterReport report)
    {
        if (!report.IsUpdate) return null;
        var (eventId, id) = (report.EventId, report.Id);
        var before = await session.Store.ListAsync<DisasterReport>(
            r => r.EventId == eventId && r.Id < id && !r.Event!.Reports.Any(n => n.Id > r.Id && n.Id < id), r => r.ReportedAt, 1);
        return before.Count == 0 ? null : before[0].Counts;
    }

    /// <summary>One report of an event as a verifier sees it (also for the notice a new report sends).</summary>
    /// <param name="previous">The figures before it, for an update: what changed is named.</param>
    public static Checkable Of(FlowSession session, DisasterEvent e, DisasterReport r, VictimCounts? previous = null)
    {
        var v = r.Counts;
        var changes = previous is null ? [] : VictimFigures.Fields
            .Select(f => (f.Label, Old: f.Get(VictimFigures.From(previous)), New: f.Get(VictimFigures.From(v))))
            .Where(c => c.Old != c.New).Select(c => $"{c.Label.ToLowerInvariant()} {N(c.Old ?? 0)} → {N(c.New ?? 0)}").ToList();
        return new Checkable
        {
            Number = e.Number, Version = r.Id,
            Summary = $"{session.Reference.Catalogs.DisasterKindName(e.KindCode)}, Desa {e.Desa} ({e.Kecamatan}), {IndonesianFormat.Date(e.EventDate)}" +
                      (r.IsUpdate ? " · pembaruan" : "") +
                      $"\nKorban {N(v.TotalKorban)} jiwa (meninggal {N(v.Meninggal)}, hilang {N(v.Hilang)}, luka {N(v.Luka)}, " +
                      $"mengungsi {N(v.Mengungsi)}), tertangani {N(v.Tertangani)}" +
                      (changes.Count > 0 ? $"\nBerubah: {string.Join(", ", changes)}" : ""),
            Verification = r.Verification, Kabupaten = e.Kabupaten, Kecamatan = e.Kecamatan, ReporterId = r.ReporterId,
            ReportedAt = r.ReportedAt, Size = v.TotalKorban, Correctable = true,
        };
    }

    private static string N(long n) => IndonesianFormat.Number(n);
}
