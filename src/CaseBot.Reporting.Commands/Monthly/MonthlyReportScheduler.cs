using CaseBot.Domain.Configuration;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using CaseBot.Storage.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseBot.Reporting.Commands.Monthly;

/// <summary>
/// Posts last month's SPM report to every registered group on the first of the month. As with the daily summary, the
/// messages are stored in the outbox in the same transaction that records the month as sent: a restart neither repeats
/// it nor forgets one missed while down (that one goes out late, once). The outbox dispatcher delivers and retries.
/// </summary>
public sealed class MonthlyReportScheduler(
    IDbContextFactory<CaseBotDbContext> contexts, MonthlyReportComposer composer, OutboundMessages outbound, RegionCatalog regions,
    IJobLock jobs, MonthlyReportOptions options, SummaryOptions summary, TimeProvider clock, ILogger<MonthlyReportScheduler> logger)
    : PeriodicCheck(clock, logger)
{
    /// <summary>Occurrences this instance claimed: it alone retries them after a failed compose.</summary>
    private readonly HashSet<(string Job, DateTimeOffset At)> _claimed = [];

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => CheckEvery;
    protected override bool Enabled => options.Enabled;

    protected override Task<int> CheckOnceAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One check: stores the reports due now for sending and returns for how many groups.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!options.Enabled || !outbound.Any) return 0;
        var now = Clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = 0;
        foreach (var group in await db.Groups.ToListAsync(ct))
        {
            if (!outbound.CanSend(group.Channel)) continue;
            var area = regions.Find(group.Area);
            if (area is null || MonthlySchedule.Find(group, area, options, summary, now) is not { } due) continue;
            // Several instances on one database: the first to claim the occurrence sends it.
            var job = ($"monthly:{group.Channel}:{group.ChatId}", due.ScheduledAt);
            if (!_claimed.Contains(job))
            {
                if (!await jobs.TryClaimAsync(job.Item1, job.ScheduledAt, ct)) continue;
                _claimed.Add(job);
            }
            try
            {
                var report = await composer.ComposeAsync(area, due.Month.Year, due.Month.Month, due.Late, ct);
                foreach (var message in MonthlyReportMessages.For(group.Channel, group.ChatId, report))
                    db.Outbox.Add(OutboxRows.From(message, null, now));
                group.LastMonthlyReport = due.Month;
                await db.SaveChangesAsync(ct);
                _claimed.Remove(job);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Monthly report for {Channel}:{Chat} not composed; retrying at the next check.", group.Channel, group.ChatId);
            }
        }
        return sent;
    }
}
