using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Exports;

/// <summary>Disaster events with their current victim figures (the "bencana" kind's sheet).</summary>
public sealed class DisasterSheet(Catalogs catalogs) : IReportSheet
{
    public const string SheetName = "Korban Bencana";
    public string Key => "bencana";

    public async Task<Sheet> BuildAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.EventDate >= r.From && e.EventDate <= r.To)
            .InRequestedArea(r)
            .OrderBy(e => e.EventDate).ThenBy(e => e.Id).ToListAsync(ct);
        return new Sheet(SheetName,
            ["Nomor", "Jenis Bencana", "Kabupaten", "Kecamatan", "Desa", "Tanggal Kejadian", "Meninggal", "Hilang", "Luka",
             "Mengungsi", "Terdampak (Jiwa)", "Terdampak (KK)", "Jumlah Korban", "Tertangani"],
            events.Select(e => new object?[]
            {
                e.Number, catalogs.DisasterKindName(e.KindCode), e.Kabupaten, e.Kecamatan, e.Desa,
                e.EventDate.ToDateTime(TimeOnly.MinValue), e.Counts.Meninggal, e.Counts.Hilang, e.Counts.Luka, e.Counts.Mengungsi,
                e.Counts.TerdampakJiwa, e.Counts.TerdampakKk, e.Counts.TotalKorban, e.Counts.Tertangani,
            }).ToList());
    }
}
