using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Reporting.Exports;

public static class ExportSetup
{
    public static IServiceCollection AddReportExports(this IServiceCollection services) =>
        services.AddSingleton<ReportSheets>();
}
