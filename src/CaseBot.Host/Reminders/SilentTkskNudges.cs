using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Reporting.Summary;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Host.Reminders;

/// <summary>
/// The TKSK of a kecamatan that sent no report for SilentTkskDays gets a polite nudge, once per silence: the silence
/// starts at the kecamatan's last report (or the TKSK's approval), and a nudge older than that start is a past one.
/// </summary>
public sealed class SilentTkskNudges(IDbContextFactory<CaseBotDbContext> contexts, OutboundMessages outbound, ReferenceData reference,
    CaseBotOptions options, TimeProvider clock, ILogger<SilentTkskNudges> logger)
{
    public async Task<int> CheckAsync(CancellationToken ct = default)
    {
        var o = options.Reminders;
        if (!outbound.Any || o.SilentTkskDays <= 0) return 0;
        var now = clock.GetUtcNow();
        var silentFor = TimeSpan.FromDays(o.SilentTkskDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var last = await KecamatanActivity.LastReportsAsync(db, ct);
        var tksk = await db.Reporters.AsNoTracking().Include(r => r.Identities)
            .Where(r => r.Role == ReporterRole.Tksk && r.Status == ReporterStatus.Approved && r.Kecamatan != null).ToListAsync(ct);
        await using var store = new EfCaseStore(await contexts.CreateDbContextAsync(ct));
        var stored = 0;
        foreach (var r in tksk)
        {
            var approved = r.DecidedAt ?? r.RegisteredAt;
            var since = last.TryGetValue((r.Kabupaten, r.Kecamatan!), out var at) && at > approved ? at : approved;
            if (now - since < silentFor || r.SilenceNudgedAt >= since) continue;
            if (o.IsQuiet(now, reference.TimeZoneOf(r.Kabupaten))) continue;
            if (await PersonChats.PreferredAsync(store, r) is not var (channel, chatId) || !outbound.CanSend(channel)) continue;
            var days = (int)(now - since).TotalDays;
            var message = new OutgoingMessage(channel, chatId,
                $"Halo {r.Name} 👋 Sudah {days} hari belum ada laporan dari Kec. {r.Kecamatan}. Semoga semuanya baik-baik saja!\n" +
                "Bila ada kasus PPKS, kejadian bencana, atau bantuan yang disalurkan, laporkan di sini ya. Terima kasih 🙏",
                [new Choice("📝 Lapor kasus PPKS", "/ppks"), new Choice("🌊 Lapor bencana", "/bencana")]) { ReporterId = r.Id };
            var seen = r.SilenceNudgedAt;
            try
            {
                if (await ReminderWrites.SendOnceAsync(contexts, x => x.Reporters
                        .Where(p => p.Id == r.Id && p.SilenceNudgedAt == seen)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.SilenceNudgedAt, (DateTimeOffset?)now), ct), message, now, ct))
                    stored++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Nudge to TKSK {Reporter} not stored; trying at the next check", r.Id);
            }
        }
        return stored;
    }
}
