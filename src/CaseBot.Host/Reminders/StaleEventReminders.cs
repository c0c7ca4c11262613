using CaseBot.Domain.Configuration;
using CaseBot.Domain.Text;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Host.Reminders;

/// <summary>
/// An open event not updated for StaleEventDays asks its reporter, once per stale spell, for fresh figures (a button
/// into the update flow) or to close it (Tanggap darurat selesai → /tutup). Events past OpenEventDays are no longer
/// offered anywhere, so they are not asked about either.
/// </summary>
public sealed class StaleEventReminders(IDbContextFactory<CaseBotDbContext> contexts, OutboundMessages outbound, ReferenceData reference,
    CaseBotOptions options, TimeProvider clock, ILogger<StaleEventReminders> logger)
{
    public async Task<int> CheckAsync(CancellationToken ct = default)
    {
        var o = options.Reminders;
        if (!outbound.Any || o.StaleEventDays <= 0) return 0;
        var now = clock.GetUtcNow();
        var (staleBefore, openSince) = (now.AddDays(-o.StaleEventDays), now.AddDays(-options.OpenEventDays));
        await using var store = new EfCaseStore(await contexts.CreateDbContextAsync(ct));
        List<Domain.Entities.DisasterEvent> stale;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            stale = await db.Events.AsNoTracking()
                .Where(e => !e.Closed && e.UpdatedAt <= staleBefore && e.UpdatedAt >= openSince && (e.StaleAskedAt == null || e.StaleAskedAt < e.UpdatedAt))
                .OrderBy(e => e.UpdatedAt).ToListAsync(ct);
        var stored = 0;
        foreach (var e in stale)
        {
            if (o.IsQuiet(now, reference.TimeZoneOf(e.Kabupaten))) continue;
            if (await store.GetReporterAsync(e.ReporterId) is not { CanReport: true } reporter
                || await PersonChats.PreferredAsync(store, reporter) is not var (channel, chatId) || !outbound.CanSend(channel)) continue;
            var message = new OutgoingMessage(channel, chatId,
                $"Halo {reporter.Name} 👋 {RecentEvents.Title(reference, e)} terakhir diperbarui {IndonesianFormat.Relative(e.UpdatedAt, now)}.\n" +
                "Ada angka terbaru (pengungsi, tertangani)? Bila masa tanggap darurat sudah selesai, tutup kejadiannya.",
                [new Choice("🔄 Kirim angka terbaru", $"/ubah {e.Number}"), CloseEventCommand.Button(e)]) { ReporterId = reporter.Id };
            var seen = e.UpdatedAt;
            try
            {
                // The marker is written beside the event's Version on purpose: asking is not a change of the report.
                if (await ReminderWrites.SendOnceAsync(contexts, db => db.Events
                        .Where(x => x.Id == e.Id && !x.Closed && x.UpdatedAt == seen && (x.StaleAskedAt == null || x.StaleAskedAt < x.UpdatedAt))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StaleAskedAt, (DateTimeOffset?)now), ct), message, now, ct))
                    stored++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Stale-event reminder for {Event} not stored; trying at the next check", e.Number);
            }
        }
        return stored;
    }
}
