using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Flows;

/// <summary>Disaster events (BC-…): shown with their current figures; /ubah asks for changed figures.</summary>
public sealed class DisasterReports : ReportKind
{
    public override string Prefix => DisasterEvent.Prefix;
    public override string Title => "laporan bencana";
    public override string? UpdateFlow => EventUpdateFlow.FlowName;
    public override Verification.ReportVerification Verification { get; } = new DisasterVerification();
    public override string ExportKey => "bencana";

    /// <summary>The event a typed number names ("BC-2026-1", "bc 2026 0001"), or null; access is the caller's to check.</summary>
    public static async Task<DisasterEvent?> FindEventAsync(Domain.Abstractions.ICaseStore store, string? number) =>
        ReportNumber.TryParse(number, out var prefix, out var year, out var id) && prefix == DisasterEvent.Prefix
        && await store.GetEventAsync(id) is { } e && e.EventDate.Year == year
            ? e
            : null;

    public override async Task<Reply?> ShowAsync(FlowSession session, int id, int year)
    {
        var e = await session.Store.GetEventAsync(id);
        if (e is null || e.EventDate.Year != year || !ReportAccess.CanSee(session.Reporter!, e.ReporterId, e.Kabupaten, e.Kecamatan)) return null;
        var v = e.Counts;
        return new Reply(
            $"{e.Number} {session.Reference.Catalogs.DisasterKindName(e.KindCode)}\n" +
            $"Desa {e.Desa}, Kec. {e.Kecamatan}, {e.Kabupaten}; {IndonesianFormat.Date(e.EventDate)}\n" +
            $"Meninggal {N(v.Meninggal)}, hilang {N(v.Hilang)}, luka {N(v.Luka)}, mengungsi {N(v.Mengungsi)}\n" +
            $"Terdampak {N(v.TerdampakJiwa)} jiwa / {N(v.TerdampakKk)} KK\n" +
            $"Tertangani {N(v.Tertangani)} dari {N(v.TotalKorban)} korban\n" +
            $"Diperbarui {IndonesianFormat.Relative(e.UpdatedAt, session.Now)}" +
            (e.Closed ? "\n🔒 Ditutup: tanggap darurat selesai" : ""),
            e.Closed ? [] : [new Choice("🔄 Perbarui angka", $"/ubah {e.Number}"),
                .. ReportAccess.CanClose(session.Reporter!, e) ? [CloseEventCommand.Button(e)] : Array.Empty<Choice>()]);
    }

    public override async Task<IReadOnlyList<ReportLine>> RecentByAsync(FlowSession session, int reporterId, int take)
    {
        // A reporter's reports on events: one line per report (a new event, or an update of one), newest first.
        var reports = await session.Store.ListAsync<DisasterReport>(r => r.ReporterId == reporterId, r => r.ReportedAt, take);
        var lines = new List<ReportLine>();
        foreach (var r in reports)
        {
            var e = await session.Store.GetEventAsync(r.EventId);
            if (e is null) continue;
            var kind = session.Reference.Catalogs.DisasterKindName(e.KindCode);
            lines.Add(new ReportLine(e.Number, $"{kind}, {e.Desa}" + (r.IsUpdate ? " (pembaruan)" : ""), r.ReportedAt));
        }
        return lines;
    }

    private static string N(long n) => IndonesianFormat.Number(n);
}
