using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Exports;

/// <summary>PPKS cases (the "ppks" kind's sheet); NIK masked unless the request allows it.</summary>
public sealed class PpksSheet(Catalogs catalogs) : IReportSheet
{
    public const string SheetName = "PPKS";
    public string Key => "ppks";

    public async Task<Sheet> BuildAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ReportedOn >= r.From && c.ReportedOn <= r.To)
            .InRequestedArea(r)
            .OrderBy(c => c.ReportedOn).ThenBy(c => c.Id).ToListAsync(ct);
        // The number of the case each merged case went into (that case may lie outside the exported period or area).
        var mergedIds = cases.Where(c => c.MergedIntoCaseId != null).Select(c => c.MergedIntoCaseId!.Value).Distinct().ToList();
        var mergedInto = mergedIds.Count == 0 ? [] : await db.Cases.AsNoTracking()
            .Where(c => mergedIds.Contains(c.Id)).Select(c => new { c.Id, c.ReportedOn })
            .ToDictionaryAsync(c => c.Id, c => ReportNumber.Format(PpksCase.Prefix, c.ReportedOn.Year, c.Id), ct);
        return new Sheet(SheetName,
            ["Nomor", "Jenis PPKS", "Satuan", "Nama", "NIK", "Jenis Kelamin", "Umur", "Kecamatan", "Desa", "Layanan", "Status",
             "Tanggal Lapor", "Digabung ke"],
            cases.Select(c => new object?[]
            {
                c.Number, catalogs.PpksType(c.TypeCode)?.Name ?? c.TypeCode, catalogs.PpksType(c.TypeCode)?.Unit ?? "jiwa", c.Name,
                c.Nik is null ? null : r.ShowFullNik ? c.Nik : Nik.Mask(c.Nik),
                c.Sex == Sex.LakiLaki ? "Laki-laki" : "Perempuan", c.Age, c.Kecamatan, c.Desa,
                catalogs.ServiceNames(c.ServiceCode), c.Status.ToString(),
                c.ReportedOn.ToDateTime(TimeOnly.MinValue),
                c.MergedIntoCaseId is { } into ? mergedInto.GetValueOrDefault(into) : null,
            }).ToList());
    }
}
