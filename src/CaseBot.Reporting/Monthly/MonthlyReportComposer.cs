using CaseBot.Domain.Configuration;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Summary;

namespace CaseBot.Reporting.Monthly;

/// <summary>Puts together one month's SPM and plan indicators for one area: text, chart and LKj-like workbook.</summary>
public sealed class MonthlyReportComposer(CapaianService capaian)
{
    public async Task<MonthlyReport> ComposeAsync(Region area, int year, int month, bool late, CancellationToken ct = default)
    {
        var scope = RegionScope.Of(area);
        var period = ReportingPeriod.Month(year, month);
        var results = await capaian.MeasureAsync(scope, period, ct: ct);
        var text = MonthlyReportText.Format(scope, period, results, late);
        // The chart shows what the department signs: the verified capaian (the text gives the provisional beside it).
        var bars = results.Select(r => new ChartBar(r.Indicator.ShortName, CapaianMath.Capaian(r.CountUnverified ? r.OtherRealisasi : r.Realisasi, r.Target))).ToList();
        var chart = CapaianChart.RenderPng($"Capaian {period.Label} {scope.Name} (terverifikasi)", bars);
        // The Capaian sheet beside the LKj table keeps the numerators and denominators behind each figure.
        var xlsx = WorkbookWriter.Xlsx([MonthlyReportSheet.Build(scope, period, results), CapaianSheet.Build(period, [(scope, results)])]);
        var stem = $"laporan-bulanan-{area.Name.Replace(' ', '-').ToLowerInvariant()}-{year:D4}-{month:D2}";
        return new MonthlyReport(text, xlsx, chart, MonthlyReportText.ChartCaption(scope, period), stem, scope, period, results);
    }
}
