using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Reporting;

public static class ReportingSetup
{
    /// <summary>The read side: capaian, export sheets, daily-summary figures and the monthly report.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IndicatorCatalog indicators) =>
        services.AddSingleton(indicators)
            .AddSingleton<CapaianService>()
            .AddSingleton<DailyRekap>()
            .AddSingleton<DrillDown>()
            .AddSingleton<IReportSheet, DisasterSheet>()
            .AddSingleton<IReportSheet, AidSheet>()
            .AddSingleton<IReportSheet, PpksSheet>()
            .AddSingleton<ReportSheets>()
            .AddSingleton<DailySummaryQuery>()
            .AddSingleton<DailySummaryComposer>()
            .AddSingleton<MonthlyReportComposer>();
}
