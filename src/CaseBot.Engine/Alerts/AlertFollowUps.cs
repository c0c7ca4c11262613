using CaseBot.Domain.Abstractions;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Engine.Outbox;
using Microsoft.Extensions.Logging;

namespace CaseBot.Engine.Alerts;

/// <summary>
/// What an alert's sender hears without asking. While answers come in: the tally, when more answered since the last
/// one, at most every <see cref="Domain.Configuration.AlertOptions.TallyEveryMinutes"/>. Then the final delivery report,
/// once: when every message is out (sent or failed for good) and everyone answered, or else when
/// <see cref="Domain.Configuration.AlertOptions.ReportAfterMinutes"/> passed, with whatever is still waiting. Each message and its mark on the alert are
/// one transaction; two instances racing collide on the alert's version and one of them writes nothing. Written here,
/// not when a volunteer answers, so two answers at once never collide on the alert.
/// </summary>
public sealed class AlertFollowUps(ICaseStoreFactory stores, ReferenceData reference, TimeProvider clock, ILogger<AlertFollowUps> logger)
{
    /// <summary>One check; returns how many messages (tallies and final reports) were stored for sending.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var options = reference.Options.Alerts;
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
                var answered = tally.Lines.Count - tally.Unanswered;
                // At the deadline it goes whatever is still waiting (a channel down): the officer must know who was not reached.
                var final = tally.Delivered && tally.Unanswered <= tally.Failed.Count() || now - alert.CreatedAt >= TimeSpan.FromMinutes(options.ReportAfterMinutes);
                var tallyDue = options.TallyEveryMinutes > 0 && answered > alert.TalliedAnswers
                               && (alert.TallySentAt is null || now - alert.TallySentAt >= TimeSpan.FromMinutes(options.TallyEveryMinutes));
                if (!final && !tallyDue) continue;
                if (final)
                {
                    alert.FinalReportAt = now;
                    tally.Record();
                }
                else (alert.TallySentAt, alert.TalliedAnswers) = (now, answered);
                if (await store.GetReporterAsync(alert.ByReporterId) is { } officer && await PersonChats.PreferredAsync(store, officer) is var (channel, chatId))
                    store.AddOutgoing(OutboxRows.From(new OutgoingMessage(channel, chatId, tally.Text(reference.TimeZoneOf(officer.Kabupaten), now, final),
                        final ? [] : [new Choice("🔄 Perbarui", AlertResultsCommand.For(alert.Id))]) { ReporterId = officer.Id }, null, now));
                await store.CommitAsync();
                sent++;
            }
            catch (ConcurrentUpdateException)
            {
                logger.LogInformation("The report on alert {Alert} was written by another instance", id);
            }
        }
        return sent;
    }
}
