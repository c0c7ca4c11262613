using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// The final delivery report of each alert, to its sender, once: when every message is out (sent or failed for good)
/// and everyone answered or <see cref="AlertOptions.ReportAfterMinutes"/> passed. The report and the mark that it went
/// are one transaction; two instances racing for it collide on the alert's version and one of them writes nothing.
/// </summary>
public sealed class AlertFinalReports(ICaseStoreFactory stores, ReferenceData reference, TimeProvider clock, ILogger<AlertFinalReports> logger)
{
    /// <summary>One check; returns how many reports were stored for sending.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var waitFor = TimeSpan.FromMinutes(reference.Options.Alerts.ReportAfterMinutes);
        List<int> open;
        await using (var store = stores.Create())
            open = (await store.ListAsync<Alert>(a => a.FinalReportAt == null, a => a.CreatedAt, 100)).Select(a => a.Id).ToList();
        var sent = 0;
        foreach (var id in open)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var store = stores.Create();
                var alert = (await store.FindAsync<Alert>(id))!;
                var tally = await AlertTally.ReadAsync(store, alert);
                if (!tally.Delivered || tally.Unanswered > tally.Failed.Count() && now - alert.CreatedAt < waitFor) continue;
                alert.FinalReportAt = now;
                if (await store.GetReporterAsync(alert.ByReporterId) is { } officer && await PersonChats.PreferredAsync(store, officer) is var (channel, chatId))
                    store.AddOutgoing(OutboxRows.From(new OutgoingMessage(channel, chatId,
                        tally.Text(reference.TimeZoneOf(officer.Kabupaten), now, final: true)) { ReporterId = officer.Id }, null, now));
                await store.CommitAsync();
                sent++;
            }
            catch (ConcurrentUpdateException)
            {
                logger.LogInformation("Final report of alert {Alert} was written by another instance", id);
            }
        }
        return sent;
    }
}
