using CaseBot.Reporting.Exports;
using CaseBot.Reporting.Summary;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Reporting;

public static class ReportingSetup
{
    /// <summary>The read side: export sheets and daily-summary figures.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services) =>
        services.AddSingleton<ReportSheets>().AddSingleton<DailySummaryQuery>();
}
