using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using CaseBot.Storage.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseBot.Reporting.Commands.Summary;

/// <summary>Posts the daily summary to every registered group once a day at its time (see <see cref="GroupPostScheduler{TDue}"/>).</summary>
public sealed class DailySummaryScheduler(
    IDbContextFactory<CaseBotDbContext> contexts, DailySummaryComposer composer, OutboundMessages outbound, RegionCatalog regions,
    IJobLock jobs, SummaryOptions options, TimeProvider clock, ILogger<DailySummaryScheduler> logger)
    : GroupPostScheduler<SummarySchedule.Due>(contexts, outbound, regions, jobs, clock, logger)
{
    protected override string JobName => "summary";

    protected override SummarySchedule.Due? Due(GroupChat group, Region area, DateTimeOffset now) => SummarySchedule.Find(group, area, options, now);

    protected override DateTimeOffset ScheduledAt(SummarySchedule.Due due) => due.ScheduledAt;

    protected override async Task<IReadOnlyList<OutgoingMessage>> ComposeAsync(GroupChat group, Region area, SummarySchedule.Due due,
        DateTimeOffset now, CancellationToken ct)
    {
        var summary = await composer.ComposeAsync(area, due.LocalDay.AddDays(-1), now, due.Late, ct);
        return
        [
            new OutgoingMessage(group.Channel, group.ChatId, summary.Text, DrillDownButtons.For(summary.Capaian, summary.Scope, summary.Period, numbered: false))
            {
                File = new OutgoingFile($"capaian-{due.LocalDay:yyyyMMdd}.png", "image/png", summary.ChartPng),
            },
        ];
    }

    protected override void MarkPosted(GroupChat group, SummarySchedule.Due due) => group.LastSentDay = due.LocalDay;
}
