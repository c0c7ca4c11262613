using CaseBot.Engine.Alerts;
using CaseBot.Storage.Jobs;

namespace CaseBot.Host;

/// <summary>Looks once a minute for alert tallies and final reports due (<see cref="AlertFollowUps"/>).</summary>
public sealed class AlertReportService(AlertFollowUps followUps, TimeProvider clock, ILogger<AlertReportService> logger)
    : PeriodicCheck(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task<int> CheckOnceAsync(CancellationToken ct) => followUps.SendDueAsync(ct);
}
