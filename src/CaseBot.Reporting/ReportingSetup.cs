using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Summary;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Reporting;

public static class ReportingSetup
{
    /// <summary>The read side: capaian, export sheets and daily-summary figures.</summary>
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
            .AddSingleton<DailySummaryComposer>();
}
