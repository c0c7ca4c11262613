using CaseBot.Domain.Configuration;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using CaseBot.Storage.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseBot.Reporting.Commands.Summary;

/// <summary>
/// Posts the daily summary to every registered group once a day at its time. The summary is stored in the outbox in
/// the same transaction that records the day as sent, so a restart neither repeats it nor forgets a missed one (sent
/// late, once); delivering it, and retrying a failed send, is the channel's outbox dispatcher's work.
/// </summary>
public sealed class DailySummaryScheduler(
    IDbContextFactory<CaseBotDbContext> contexts, DailySummaryComposer composer, OutboundMessages outbound, RegionCatalog regions,
    IJobLock jobs, SummaryOptions options, TimeProvider clock, ILogger<DailySummaryScheduler> logger) : PeriodicCheck(clock, logger)
{
    /// <summary>Occurrences this instance claimed: it alone retries them after a failed send.</summary>
    private readonly HashSet<(string Job, DateTimeOffset At)> _claimed = [];

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => CheckEvery;

    protected override Task<int> CheckOnceAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One check: stores what is due now for sending and returns how many summaries that was.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!outbound.Any) return 0;
        var now = Clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = 0;
        foreach (var group in await db.Groups.ToListAsync(ct))
        {
            if (!outbound.CanSend(group.Channel)) continue;
            var area = regions.Find(group.Area);
            if (area is null || SummarySchedule.Find(group, area, options, now) is not { } due) continue;
            // Several instances on one database: the first to claim the occurrence sends it.
            var job = ($"summary:{group.Channel}:{group.ChatId}", due.ScheduledAt);
            if (!_claimed.Contains(job))
            {
                if (!await jobs.TryClaimAsync(job.Item1, job.ScheduledAt, ct)) continue;
                _claimed.Add(job);
            }
            try
            {
                var summary = await composer.ComposeAsync(area, due.LocalDay.AddDays(-1), now, due.Late, ct);
                db.Outbox.Add(OutboxRows.From(new OutgoingMessage(group.Channel, group.ChatId, summary.Text,
                    DrillDownButtons.For(summary.Capaian, summary.Scope, summary.Period, numbered: false))
                {
                    File = new OutgoingFile($"capaian-{due.LocalDay:yyyyMMdd}.png", "image/png", summary.ChartPng),
                }, null, now));
                group.LastSentDay = due.LocalDay;
                await db.SaveChangesAsync(ct);
                _claimed.Remove(job);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily summary for {Channel}:{Chat} not composed; retrying at the next check.", group.Channel, group.ChatId);
            }
        }
        return sent;
    }
}
