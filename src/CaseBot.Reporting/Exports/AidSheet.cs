using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Exports;

/// <summary>Aid handed out (the "logistik" kind's sheet).</summary>
public sealed class AidSheet(Catalogs catalogs) : IReportSheet
{
    public const string SheetName = "Logistik";
    public string Key => "logistik";

    public async Task<Sheet> BuildAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var aid = await db.Aid.AsNoTracking().Include(a => a.Event)
            .Where(a => a.Date >= r.From && a.Date <= r.To)
            .InRequestedArea(r)
            .OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        return new Sheet(SheetName,
            ["Nomor", "Kejadian", "Jenis Bantuan", "Sub Kegiatan", "Jumlah", "Satuan", "Penerima", "Satuan Penerima",
             "Tempat", "Kecamatan", "Tanggal"],
            aid.Select(a => new object?[]
            {
                a.Number, a.Event!.Number, catalogs.AidItemName(a.ItemCode), catalogs.AidItem(a.ItemCode)?.SubActivity,
                a.Quantity, a.Unit, a.Recipients, a.RecipientUnit == RecipientUnit.Kk ? "KK" : "Orang", a.Place, a.Kecamatan,
                a.Date.ToDateTime(TimeOnly.MinValue),
            }).ToList());
    }
}
