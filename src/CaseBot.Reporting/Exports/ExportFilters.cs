using CaseBot.Domain.Entities;

namespace CaseBot.Reporting.Exports;

public static class ExportFilters
{
    /// <summary>The rows of the requested kabupaten and kecamatan, and only the reporter's own when the request says so.</summary>
    public static IQueryable<T> InRequestedArea<T>(this IQueryable<T> rows, ExportRequest r) where T : class, IAreaReport =>
        rows.Where(x => r.Kabupaten == null || x.Kabupaten == r.Kabupaten)
            .Where(x => r.Kecamatan == null || x.Kecamatan == r.Kecamatan)
            .Where(x => r.OnlyReporterId == null || x.ReporterId == r.OnlyReporterId);
}
