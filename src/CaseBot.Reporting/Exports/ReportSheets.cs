using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Reporting.Capaian;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Reporting.Exports;

/// <summary>A sheet: its Indonesian name and rows keyed by Indonesian column headers (in column order).</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>One report kind's table in an export, found by the key the kind declares.</summary>
public interface IReportSheet
{
    string Key { get; }
    Task<Sheet> BuildAsync(CaseBotDbContext db, ExportRequest request, CancellationToken ct);
}

/// <summary>The report tables officers paste into the LKj/Renja/Renstra: one sheet per kind of report.</summary>
/// <remarks>Each report kind declares the key of its sheet (<c>ReportKind.ExportKey</c>); a test checks every kind has one.</remarks>
public sealed class ReportSheets(IDbContextFactory<CaseBotDbContext> contexts, IEnumerable<IReportSheet> sheets, RegionCatalog regions,
    CapaianService capaian, DrillDown drillDown)
{
    /// <summary>"semua": every sheet.</summary>
    public const string All = "semua";

    public IReadOnlyList<IReportSheet> Sheets { get; } = sheets.ToList();

    /// <summary>The sheet key a user typed ("ppks"), or <see cref="All"/>; false for anything else.</summary>
    public bool TryParseKind(string? text, out string kind)
    {
        kind = (text ?? "").Trim().ToLowerInvariant();
        var typed = kind;
        return kind == All || Sheets.Any(s => s.Key == typed);
    }

    /// <summary>"semua|bencana|logistik|ppks" for usage lines.</summary>
    public string KindsText => string.Join("|", Sheets.Select(s => s.Key).Prepend(All));

    public async Task<IReadOnlyList<Sheet>> BuildAsync(ExportRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var built = new List<Sheet>();
        foreach (var sheet in Sheets.Where(s => request.Kind == All || s.Key == request.Kind))
            built.Add(await sheet.BuildAsync(db, request, ct));
        var (period, areas) = await CapaianAsync(request, ct);
        built.Add(CapaianSheet.Build(period, areas));
        // The reports behind each figure: for officers and admins (a reporter's export holds only their own reports).
        if (request.OnlyReporterId is null) built.Add(await DrillDownSheet.BuildAsync(drillDown, period, areas, request.ShowFullNik, ct));
        return built;
    }

    /// <summary>Capaian of the requested area, or of each top-level region when none is named.</summary>
    private async Task<(ReportingPeriod, List<(RegionScope, IReadOnlyList<IndicatorResult>)>)> CapaianAsync(ExportRequest r, CancellationToken ct)
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
        return (period, areas);
    }
}
