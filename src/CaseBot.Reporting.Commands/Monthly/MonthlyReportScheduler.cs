using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Monthly;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using CaseBot.Storage.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseBot.Reporting.Commands.Monthly;

/// <summary>Posts last month's SPM report to every registered group on the first of the month (see
/// <see cref="GroupPostScheduler{TDue}"/>).</summary>
public sealed class MonthlyReportScheduler(
    IDbContextFactory<CaseBotDbContext> contexts, MonthlyReportComposer composer, OutboundMessages outbound, RegionCatalog regions,
    IJobLock jobs, MonthlyReportOptions options, SummaryOptions summary, TimeProvider clock, ILogger<MonthlyReportScheduler> logger)
    : GroupPostScheduler<MonthlySchedule.Due>(contexts, outbound, regions, jobs, clock, logger)
{
    protected override bool Enabled => options.Enabled;

    protected override string JobName => "monthly";

    protected override MonthlySchedule.Due? Due(GroupChat group, Region area, DateTimeOffset now) => MonthlySchedule.Find(group, area, options, summary, now);

    protected override DateTimeOffset ScheduledAt(MonthlySchedule.Due due) => due.ScheduledAt;

    protected override async Task<IReadOnlyList<OutgoingMessage>> ComposeAsync(GroupChat group, Region area, MonthlySchedule.Due due,
        DateTimeOffset now, CancellationToken ct) =>
        MonthlyReportMessages.For(group.Channel, group.ChatId, await composer.ComposeAsync(area, due.Month.Year, due.Month.Month, due.Late, ct)).ToList();

    protected override void MarkPosted(GroupChat group, MonthlySchedule.Due due) => group.LastMonthlyReport = due.Month;
}
