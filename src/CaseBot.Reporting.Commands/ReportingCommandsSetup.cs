using CaseBot.Domain.Configuration;
using CaseBot.Engine.Commands;
using CaseBot.Reporting.Capaian;
using CaseBot.Reporting.Commands.Monthly;
using CaseBot.Reporting.Commands.Summary;
using CaseBot.Reporting.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace CaseBot.Reporting.Commands;

public static class ReportingCommandsSetup
{
    /// <summary>The officers' chat commands (/capaian, /rekap, /laporanbulanan...), free-text capaian questions and the group schedules.</summary>
    public static IServiceCollection AddReportingCommands(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CapaianQuestionParser(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<IndicatorCatalog>()));
        services.AddSingleton<CapaianAnswers>();
        services.AddSingleton<ICommand, CapaianCommand>();
        services.AddSingleton<ICommand, RekapCommand>();
        services.AddSingleton<ICommand, DrillDownCommand>();
        services.AddSingleton<ICommand, ExportCommand>();
        services.AddSingleton<ICommand, SummaryCommand>();
        services.AddSingleton<ICommand, TargetCommand>();
        services.AddSingleton<ICommand, MonthlyReportCommand>();
        services.AddSingleton<IFreeTextHandler, CapaianQuestionHandler>();
        services.AddSingleton<DailySummaryScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DailySummaryScheduler>());
        services.AddSingleton<MonthlyReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthlyReportScheduler>());
        return services;
    }
}
