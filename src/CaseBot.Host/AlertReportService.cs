using CaseBot.Engine.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseBot.Host;

/// <summary>Looks once a minute for alerts whose final delivery report is due (<see cref="AlertFollowUps"/>).</summary>
public sealed class AlertReportService(AlertFollowUps reports, TimeProvider clock, ILogger<AlertReportService> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await reports.SendDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Alert delivery reports could not be checked; trying again");
            }
            await Task.Delay(CheckEvery, clock, stoppingToken);
        }
    }
}
