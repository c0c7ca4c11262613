using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;

namespace CaseBot.Engine.Commands;

/// <summary>/status &lt;nomor&gt;: one report in full, for those allowed to see it (NIK masked except for admins).</summary>
public sealed class StatusCommand : ICommand
{
    public string Name => "status";
    public string Description => "Lihat satu laporan: /status BC-2024-0001";
    public CommandAccess Access => CommandAccess.Reporter;

    public async Task<Reply> ExecuteAsync(CommandContext ctx, string argument)
    {
        if (!ReportNumber.TryParse(argument, out var kind, out var year, out var id))
            return "Ketik nomor laporannya, contoh: /status PK-2024-0003. Lihat nomor Anda dengan /laporanku.";
        var viewer = ctx.Reporter!;
        var notFound = $"Laporan {argument.Trim().ToUpperInvariant()} tidak ditemukan atau bukan wewenang Anda.";
        var c = ctx.Reference.Catalogs;
        switch (kind)
        {
            case ReportKind.Disaster:
                var e = await ctx.Store.GetEventAsync(id);
                if (e is null || e.EventDate.Year != year || !ReportAccess.CanSee(viewer, e.ReporterId, e.Kabupaten, e.Kecamatan)) return notFound;
                var v = e.Counts;
                return new Reply(
                    $"{e.Number} {c.DisasterKind(e.KindCode)?.Name ?? e.KindCode}\n" +
                    $"Desa {e.Desa}, Kec. {e.Kecamatan}, {e.Kabupaten}; {IndonesianFormat.Date(e.EventDate)}\n" +
                    $"Meninggal {N(v.Meninggal)}, hilang {N(v.Hilang)}, luka {N(v.Luka)}, mengungsi {N(v.Mengungsi)}\n" +
                    $"Terdampak {N(v.TerdampakJiwa)} jiwa / {N(v.TerdampakKk)} KK\n" +
                    $"Tertangani {N(v.Tertangani)} dari {N(v.TotalKorban)} korban\n" +
                    $"Diperbarui {IndonesianFormat.Relative(e.UpdatedAt, ctx.Now)}",
                    [new Choice("🔄 Perbarui angka", $"/ubah {e.Number}")]);
            case ReportKind.Aid:
                var a = await ctx.Store.GetAidAsync(id);
                if (a?.Event is null || a.Date.Year != year || !ReportAccess.CanSee(viewer, a.ReporterId, a.Event.Kabupaten, a.Event.Kecamatan)) return notFound;
                return $"{a.Number} {c.AidItem(a.ItemCode)?.Name ?? a.ItemCode} untuk {a.Event.Number}\n" +
                       $"{IndonesianFormat.Number(a.Quantity)} {a.Unit} kepada {N(a.Recipients)} {Labels.Recipients(a.RecipientUnit)}\n" +
                       $"Di {a.Place}, {IndonesianFormat.Date(a.Date)}" + (a.PhotoFileId is null ? "" : "\n📷 Ada foto bukti");
            default:
                var p = await ctx.Store.GetCaseAsync(id);
                if (p is null || p.ReportedOn.Year != year || !ReportAccess.CanSee(viewer, p.ReporterId, p.Kabupaten, p.Kecamatan)) return notFound;
                var nik = p.Nik is null ? "-" : ReportAccess.SeesFullNik(viewer) ? p.Nik : Nik.Mask(p.Nik);
                var merged = "";
                if (p.MergedIntoCaseId is { } intoId)
                {
                    // A case in another area is never named to a reporter (see /duplikat).
                    var into = await ctx.Store.GetCaseAsync(intoId);
                    merged = into is not null && ReportAccess.CanSee(viewer, into.ReporterId, into.Kabupaten, into.Kecamatan)
                        ? $"\nDigabung ke {into.Number} (orang yang sama); tidak dihitung tersendiri."
                        : "\nDigabung ke laporan lain tentang orang yang sama; tidak dihitung tersendiri.";
                }
                return new Reply(
                    $"{p.Number} {c.PpksType(p.TypeCode)?.Name ?? p.TypeCode}\n" +
                    $"{p.Name}, NIK {nik}, {Labels.Sex(p.Sex)}, {p.Age} tahun\n" +
                    $"Desa {p.Desa}, Kec. {p.Kecamatan}\n" +
                    $"Layanan: {c.PpksService(p.ServiceCode)?.Name ?? p.ServiceCode}; status {Labels.Status(p.Status)}\n" +
                    $"{p.Description}" + merged,
                    [new Choice("✏️ Ubah status", $"/ubah {p.Number}")]);
        }
    }

    private static string N(int n) => IndonesianFormat.Number(n);
}
