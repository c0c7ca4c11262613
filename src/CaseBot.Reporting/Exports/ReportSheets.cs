using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Exports;

/// <summary>A sheet: its Indonesian name and rows keyed by Indonesian column headers (in column order).</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>The report tables officers paste into the LKj/Renja/Renstra: one sheet per kind of report.</summary>
public sealed class ReportSheets(IDbContextFactory<CaseBotDbContext> contexts, Catalogs catalogs, RegionCatalog regions, CapaianService capaian)
{
    public const string DisasterSheet = "Korban Bencana";
    public const string AidSheet = "Logistik";
    public const string PpksSheet = "PPKS";

    public async Task<IReadOnlyList<Sheet>> BuildAsync(ExportRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sheets = new List<Sheet>();
        if (request.Kind is ExportKind.Semua or ExportKind.Bencana) sheets.Add(await DisasterAsync(db, request, ct));
        if (request.Kind is ExportKind.Semua or ExportKind.Logistik) sheets.Add(await AidAsync(db, request, ct));
        if (request.Kind is ExportKind.Semua or ExportKind.Ppks) sheets.Add(await PpksAsync(db, request, ct));
        sheets.Add(await CapaianAsync(request, ct));
        return sheets;
    }

    /// <summary>Capaian of the requested area, or of each top-level region when none is named.</summary>
    private async Task<Sheet> CapaianAsync(ExportRequest r, CancellationToken ct)
    {
        var area = r.Kecamatan is not null && r.Kabupaten is not null ? regions.FindKecamatan(r.Kabupaten, r.Kecamatan)
            : r.Kabupaten is not null ? regions.FindKabupaten(r.Kabupaten) : null;
        var period = ReportingPeriod.FromRange(r.From, r.To);
        var areas = new List<(RegionScope, IReadOnlyList<IndicatorResult>)>();
        foreach (var region in area is null ? regions.Regions : [area])
        {
            var scope = RegionScope.Of(region);
            areas.Add((scope, await capaian.MeasureAsync(scope, period, ct: ct)));
        }
        return CapaianSheet.Build(period, areas);
    }

    private async Task<Sheet> DisasterAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.EventDate >= r.From && e.EventDate <= r.To)
            .Where(e => r.Kabupaten == null || e.Kabupaten == r.Kabupaten)
            .Where(e => r.Kecamatan == null || e.Kecamatan == r.Kecamatan)
            .Where(e => r.OnlyReporterId == null || e.ReporterId == r.OnlyReporterId)
            .OrderBy(e => e.EventDate).ThenBy(e => e.Id).ToListAsync(ct);
        return new Sheet(DisasterSheet,
            ["Nomor", "Jenis Bencana", "Kabupaten", "Kecamatan", "Desa", "Tanggal Kejadian", "Meninggal", "Hilang", "Luka",
             "Mengungsi", "Terdampak (Jiwa)", "Terdampak (KK)", "Jumlah Korban", "Tertangani"],
            events.Select(e => new object?[]
            {
                e.Number, catalogs.DisasterKind(e.KindCode)?.Name ?? e.KindCode, e.Kabupaten, e.Kecamatan, e.Desa,
                e.EventDate.ToDateTime(TimeOnly.MinValue), e.Counts.Meninggal, e.Counts.Hilang, e.Counts.Luka, e.Counts.Mengungsi,
                e.Counts.TerdampakJiwa, e.Counts.TerdampakKk, e.Counts.TotalKorban, e.Counts.Tertangani,
            }).ToList());
    }

    private async Task<Sheet> AidAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var aid = await db.Aid.AsNoTracking().Include(a => a.Event)
            .Where(a => a.Date >= r.From && a.Date <= r.To)
            .Where(a => r.Kabupaten == null || a.Kabupaten == r.Kabupaten)
            .Where(a => r.Kecamatan == null || a.Kecamatan == r.Kecamatan)
            .Where(a => r.OnlyReporterId == null || a.ReporterId == r.OnlyReporterId)
            .OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        return new Sheet(AidSheet,
            ["Nomor", "Kejadian", "Jenis Bantuan", "Sub Kegiatan", "Jumlah", "Satuan", "Penerima", "Satuan Penerima",
             "Tempat", "Kecamatan", "Tanggal"],
            aid.Select(a => new object?[]
            {
                a.Number, a.Event!.Number, catalogs.AidItem(a.ItemCode)?.Name ?? a.ItemCode, catalogs.AidItem(a.ItemCode)?.SubActivity,
                a.Quantity, a.Unit, a.Recipients, a.RecipientUnit == RecipientUnit.Kk ? "KK" : "Orang", a.Place, a.Kecamatan,
                a.Date.ToDateTime(TimeOnly.MinValue),
            }).ToList());
    }

    private async Task<Sheet> PpksAsync(CaseBotDbContext db, ExportRequest r, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ReportedOn >= r.From && c.ReportedOn <= r.To)
            .Where(c => r.Kabupaten == null || c.Kabupaten == r.Kabupaten)
            .Where(c => r.Kecamatan == null || c.Kecamatan == r.Kecamatan)
            .Where(c => r.OnlyReporterId == null || c.ReporterId == r.OnlyReporterId)
            .OrderBy(c => c.ReportedOn).ThenBy(c => c.Id).ToListAsync(ct);
        // The number of the case each merged case went into (that case may lie outside the exported period or area).
        var mergedIds = cases.Where(c => c.MergedIntoCaseId != null).Select(c => c.MergedIntoCaseId!.Value).Distinct().ToList();
        var mergedInto = mergedIds.Count == 0 ? [] : await db.Cases.AsNoTracking()
            .Where(c => mergedIds.Contains(c.Id)).Select(c => new { c.Id, c.ReportedOn })
            .ToDictionaryAsync(c => c.Id, c => ReportNumber.Format(ReportKind.Ppks, c.ReportedOn.Year, c.Id), ct);
        return new Sheet(PpksSheet,
            ["Nomor", "Jenis PPKS", "Satuan", "Nama", "NIK", "Jenis Kelamin", "Umur", "Kecamatan", "Desa", "Layanan", "Status",
             "Tanggal Lapor", "Digabung ke"],
            cases.Select(c => new object?[]
            {
                c.Number, catalogs.PpksType(c.TypeCode)?.Name ?? c.TypeCode, catalogs.PpksType(c.TypeCode)?.Unit ?? "jiwa", c.Name,
                c.Nik is null ? null : r.ShowFullNik ? c.Nik : Nik.Mask(c.Nik),
                c.Sex == Sex.LakiLaki ? "Laki-laki" : "Perempuan", c.Age, c.Kecamatan, c.Desa,
                catalogs.PpksService(c.ServiceCode)?.Name ?? c.ServiceCode, c.Status.ToString().ToLowerInvariant(),
                c.ReportedOn.ToDateTime(TimeOnly.MinValue),
                c.MergedIntoCaseId is { } into ? mergedInto.GetValueOrDefault(into) : null,
            }).ToList());
    }
}
