using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using CaseBot.Storage;
using CaseBot.Storage.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseBot.Reporting.Commands;

/// <summary>
/// Posts something to every registered group when its time comes (the daily summary, the monthly report). The messages
/// are stored in the outbox in the same transaction that records the occurrence as sent on the group, so a restart
/// neither repeats it nor forgets one missed while down (that one goes out late, once); delivering and retrying is the
/// channel's outbox dispatcher's work. Where several instances share the database, the first to claim an occurrence
/// (<see cref="IJobLock"/>) posts it, and only it retries after a failed compose.
/// </summary>
public abstract class GroupPostScheduler<TDue>(
    IDbContextFactory<CaseBotDbContext> contexts, OutboundMessages outbound, RegionCatalog regions, IJobLock jobs,
    TimeProvider clock, ILogger logger) : PeriodicCheck(clock, logger) where TDue : class
{
    /// <summary>Occurrences this instance claimed and has not posted yet.</summary>
    private readonly HashSet<(string Job, DateTimeOffset At)> _claimed = [];

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => CheckEvery;

    /// <summary>"summary", "monthly": the job name's prefix, per group.</summary>
    protected abstract string JobName { get; }

    /// <summary>What the group is owed now, or null.</summary>
    protected abstract TDue? Due(GroupChat group, Region area, DateTimeOffset now);

    protected abstract DateTimeOffset ScheduledAt(TDue due);

    protected abstract Task<IReadOnlyList<OutgoingMessage>> ComposeAsync(GroupChat group, Region area, TDue due, DateTimeOffset now, CancellationToken ct);

    /// <summary>Records on the group that <paramref name="due"/> was posted (saved with the messages).</summary>
    protected abstract void MarkPosted(GroupChat group, TDue due);

    protected override Task<int> CheckOnceAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One check: stores what is due now for sending and returns for how many groups.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!Enabled || !outbound.Any) return 0;
        var now = Clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = 0;
        foreach (var group in await db.Groups.ToListAsync(ct))
        {
            if (!outbound.CanSend(group.Channel)) continue;
            var area = regions.Find(group.Area);
            if (area is null || Due(group, area, now) is not { } due) continue;
            var job = ($"{JobName}:{group.Channel}:{group.ChatId}", ScheduledAt(due));
            if (!_claimed.Contains(job))
            {
                if (!await jobs.TryClaimAsync(job.Item1, job.Item2, ct)) continue;
                _claimed.Add(job);
            }
            try
            {
                foreach (var message in await ComposeAsync(group, area, due, now, ct))
                    db.Outbox.Add(OutboxRows.From(message, null, now));
                MarkPosted(group, due);
                await db.SaveChangesAsync(ct);
                _claimed.Remove(job);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "{Job} for {Channel}:{Chat} not composed; retrying at the next check.", JobName, group.Channel, group.ChatId);
            }
        }
        return sent;
    }
}
