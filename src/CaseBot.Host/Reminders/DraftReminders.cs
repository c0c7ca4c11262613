using CaseBot.Domain.Configuration;
using CaseBot.Domain.Entities;
using CaseBot.Domain.Text;
using CaseBot.Engine.Conversations;
using CaseBot.Engine.Flows;
using CaseBot.Engine.Messages;
using CaseBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CaseBot.Host.Reminders;

/// <summary>
/// A flow left unanswered: one reminder with its pending question (Lanjutkan / Batalkan) after DraftReminderHours,
/// and after DraftExpiryHours the conversation ends with a short note; its draft goes to the audit trail, uncounted.
/// Answering moves the conversation's UpdatedAt past the marker, which ends the reminder and the expiry clock.
/// </summary>
public sealed class DraftReminders(IDbContextFactory<CaseBotDbContext> contexts, ConversationEngine engine, OutboundMessages outbound,
    ReferenceData reference, CaseBotOptions options, TimeProvider clock, ILogger<DraftReminders> logger)
{
    public async Task<int> CheckAsync(CancellationToken ct = default)
    {
        var o = options.Reminders;
        var (remindAfter, expireAfter) = (TimeSpan.FromHours(o.DraftReminderHours), TimeSpan.FromHours(o.DraftExpiryHours));
        if (!outbound.Any || (remindAfter <= TimeSpan.Zero && expireAfter <= TimeSpan.Zero)) return 0;
        var now = clock.GetUtcNow();
        var oldest = remindAfter > TimeSpan.Zero ? now - remindAfter : now - expireAfter;
        await using var store = new EfCaseStore(await contexts.CreateDbContextAsync(ct));
        var left = await ReadAsync(contexts, oldest, ct);
        var stored = 0;
        foreach (var c in left)
        {
            var colon = c.UserKey.IndexOf(':');
            if (colon < 0 || !outbound.CanSend(c.UserKey[..colon])) continue;
            var reporter = await store.FindReporterAsync(c.UserKey[..colon], c.UserKey[(colon + 1)..]);
            if (o.IsQuiet(now, reference.TimeZoneOf(reporter?.Kabupaten))) continue; // waits for the morning
            try
            {
                if (expireAfter > TimeSpan.Zero && now - c.UpdatedAt >= expireAfter)
                    stored += await ExpireAsync(c, reporter, now, ct) ? 1 : 0;
                else if (remindAfter > TimeSpan.Zero && (c.RemindedAt is null || c.RemindedAt < c.UpdatedAt))
                    stored += await RemindAsync(store, c, now, ct) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reminder for the unfinished flow of {User} not stored; trying at the next check", c.UserKey);
            }
        }
        return stored;
    }

    private static async Task<List<Conversation>> ReadAsync(IDbContextFactory<CaseBotDbContext> contexts, DateTimeOffset oldest, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().Where(c => c.UpdatedAt <= oldest).OrderBy(c => c.UpdatedAt).ToListAsync(ct);
    }

    /// <summary>The reminder of <paramref name="c"/> as it was read; false when it changed since (answered, ended,
    /// reminded by another instance) or its draft can no longer be read.</summary>
    public async Task<bool> RemindAsync(Conversation c, CancellationToken ct = default)
    {
        await using var store = new EfCaseStore(await contexts.CreateDbContextAsync(ct));
        return await RemindAsync(store, c, clock.GetUtcNow(), ct);
    }

    private async Task<bool> RemindAsync(EfCaseStore store, Conversation c, DateTimeOffset now, CancellationToken ct)
    {
        // A draft the bot can no longer read gets no reminder: it is dropped with a notice when the user writes, or expires.
        if (await engine.PendingQuestionAsync(store, c, now) is not var (flow, question)) return false;
        var message = question with
        {
            Text = $"⏰ {Capitalize(flow.Title)} Anda belum selesai. Mau dilanjutkan?\n\nPertanyaan terakhir:\n{question.Text}",
            Choices = [new Choice("▶️ Lanjutkan", FlowButtons.Resume), new Choice("✖️ Batalkan", FlowButtons.Cancel)],
            // The pending question also takes its answer typed straight away: "1" is an answer, not the first button.
            AcceptsText = true,
        };
        var seen = c.UpdatedAt;
        return await ReminderWrites.SendOnceAsync(contexts, db => db.Conversations
            .Where(x => x.UserKey == c.UserKey && x.UpdatedAt == seen && (x.RemindedAt == null || x.RemindedAt < x.UpdatedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedAt, (DateTimeOffset?)now), ct), message, now, ct);
    }

    private async Task<bool> ExpireAsync(Conversation c, Reporter? reporter, DateTimeOffset now, CancellationToken ct)
    {
        var flow = engine.FlowOf(c.Flow);
        var colon = c.UserKey.IndexOf(':');
        var userId = c.UserKey[(colon + 1)..];
        var hours = options.Reminders.DraftExpiryHours;
        var text = $"⌛ {Capitalize(flow?.Title ?? "isian")} Anda tidak dilanjutkan selama {(hours % 24 == 0 ? $"{hours / 24} hari" : $"{hours} jam")}, " +
                   "jadi sudah kami tutup. Tidak ada yang disimpan atau dihitung.";
        var message = new OutgoingMessage(c.UserKey[..colon], userId, flow?.Command is { } command ? text + $"\nKetik /{command} untuk mulai lagi." : text,
            flow?.Command is { } start ? [new Choice("📝 Mulai lagi", "/" + start)] : []) { ReporterId = reporter?.Id };
        var seen = c.UpdatedAt;
        // The draft is kept for the audit (NIK masked, like every text the audit keeps), never as a report.
        var audit = new AuditEntry
        {
            Subject = reporter is null ? $"USR-{c.UserKey}" : $"USR-{reporter.Id}", Field = "draf-kedaluwarsa",
            OldValue = $"{c.Flow}@{c.State}: {Nik.MaskIn(c.DataJson)}", At = now, ByReporterId = null,
        };
        return await ReminderWrites.SendOnceAsync(contexts, db => db.Conversations
            .Where(x => x.UserKey == c.UserKey && x.UpdatedAt == seen).ExecuteDeleteAsync(ct), message, now, ct, db => db.Audit.Add(audit));
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
