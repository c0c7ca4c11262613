using CaseBot.Engine.Messages;
using CaseBot.Reporting.Monthly;

namespace CaseBot.Reporting.Commands.Monthly;

/// <summary>
/// A monthly report as messages: the text with the xlsx attached, then the chart. A message carries one file, and the
/// text goes first so a channel that cannot send files still delivers the figures.
/// </summary>
public static class MonthlyReportMessages
{
    public static IReadOnlyList<OutgoingMessage> For(string channel, string chatId, MonthlyReport report) =>
    [
        new(channel, chatId, report.Text, DrillDownButtons.For(report.Results, report.Scope, report.Period, numbered: false))
        {
            File = Workbook(report),
        },
        new(channel, chatId, report.ChartCaption) { File = Chart(report) },
    ];

    public static OutgoingFile Workbook(MonthlyReport report) => new($"{report.FileStem}.xlsx", MonthlyReport.XlsxType, report.Xlsx);

    public static OutgoingFile Chart(MonthlyReport report) => new($"{report.FileStem}.png", "image/png", report.ChartPng);
}
