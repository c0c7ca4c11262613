using CaseBot.Reporting.Capaian;

namespace CaseBot.Reporting.Monthly;

/// <summary>
/// One month's report for one area: the text, the LKj-like workbook, the chart, and the figures behind them (so
/// callers can offer the drill-down).
/// </summary>
/// <param name="FileStem">"laporan-bulanan-luwu-timur-2026-10": the attachments' names without extension.</param>
public sealed record MonthlyReport(string Text, byte[] Xlsx, byte[] ChartPng, string ChartCaption, string FileStem,
    RegionScope Scope, ReportingPeriod Period, IReadOnlyList<IndicatorResult> Results)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
